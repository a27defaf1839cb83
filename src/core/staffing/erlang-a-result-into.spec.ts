import { erlangAResultInto } from './erlang-a-result-into.js';
import {
  SLOT_ABANDON,
  SLOT_ASA,
  SLOT_BLOCKING,
  SLOT_OCCUPANCY,
  SLOT_SERVICE_LEVEL,
  SLOT_WAIT,
} from './staffing-slots.js';

describe('erlangAResultInto', () => {
  const blocks = new Float64Array([
    0.4, 0.04, 10, 9, 0.7, 0.02, 0.8, 0.72, 0.2, 0.02, 6, 5, 0.85, 0.01, 0.75, 0.86,
  ]);

  it('copies a block, or interpolates linearly between two', () => {
    const result = new Float64Array(9);
    erlangAResultInto(blocks, 0, blocks, 8, 0, result);
    expect([
      result[SLOT_WAIT],
      result[SLOT_ABANDON],
      result[SLOT_ASA],
      result[SLOT_OCCUPANCY],
      result[SLOT_SERVICE_LEVEL],
    ]).toEqual([0.4, 0.04, 10, 0.8, 0.72]);
    expect(result[SLOT_BLOCKING]).toBeNaN();
    erlangAResultInto(blocks, 0, blocks, 8, 0.25, result);
    expect(result[SLOT_WAIT]).toBeCloseTo(0.35, 15);
    expect(result[SLOT_ASA]).toBeCloseTo(9, 15);
  });

  it('takes the second value where the first is NaN (no agents)', () => {
    const withNaN = Float64Array.from(blocks);
    withNaN[2] = NaN;
    const result = new Float64Array(9);
    erlangAResultInto(withNaN, 0, withNaN, 8, 0.5, result);
    expect(result[SLOT_ASA]).toBe(6);
  });
});
