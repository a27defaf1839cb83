import { inverseErlangB } from '../queueing/inverse-erlang-b.js';
import { erlangCMeasuresInto } from './erlang-c-measures-into.js';
import {
  SLOT_ABANDON,
  SLOT_ASA,
  SLOT_OCCUPANCY,
  SLOT_SERVICE_LEVEL,
  SLOT_WAIT,
} from './staffing-slots.js';

describe('erlangCMeasuresInto', () => {
  it('writes the A = 10, 14-agent measures (pyworkforce / R ErlangC)', () => {
    const result = new Float64Array(9);
    erlangCMeasuresInto(14, 10, 180, 20, inverseErlangB(14, 10), Math.exp((-4 * 20) / 180), result);
    expect(result[SLOT_WAIT]).toBeCloseTo(0.1741319, 7);
    expect(result[SLOT_SERVICE_LEVEL]).toBeCloseTo(0.88835, 7);
    expect(result[SLOT_ASA]).toBeCloseTo(7.835937, 6);
    expect(result[SLOT_OCCUPANCY]).toBeCloseTo(10 / 14, 15);
    expect(result[SLOT_ABANDON]).toBeNaN();
  });

  it('writes the overloaded result and NaN SL without a threshold', () => {
    const result = new Float64Array(9);
    erlangCMeasuresInto(9, 10, 180, NaN, 1, NaN, result);
    expect(result[SLOT_WAIT]).toBe(1);
    expect(result[SLOT_SERVICE_LEVEL]).toBeNaN();
    expect(result[SLOT_ASA]).toBeNaN();
    expect(result[SLOT_OCCUPANCY]).toBe(1);
  });
});
