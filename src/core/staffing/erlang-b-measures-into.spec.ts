import { erlangBMeasuresInto } from './erlang-b-measures-into.js';
import {
  SLOT_ASA,
  SLOT_BLOCKING,
  SLOT_OCCUPANCY,
  SLOT_SERVICE_LEVEL,
  SLOT_WAIT,
} from './staffing-slots.js';

describe('erlangBMeasuresInto', () => {
  it('writes blocking and carried occupancy; no waiting measures', () => {
    const result = new Float64Array(9);
    erlangBMeasuresInto(2, 1, 5, result); // B(2, 1) = 1/5
    expect(result[SLOT_BLOCKING]).toBeCloseTo(0.2, 15);
    expect(result[SLOT_OCCUPANCY]).toBeCloseTo(0.4, 15);
    expect(result[SLOT_WAIT]).toBe(0);
    expect(result[SLOT_SERVICE_LEVEL]).toBeNaN();
    expect(result[SLOT_ASA]).toBeNaN();
  });
});
