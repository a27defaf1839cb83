import { markNoVolume } from './mark-no-volume.js';
import { SLOT_AGENTS, SLOT_BINDING, SLOT_OCCUPANCY, SLOT_WAIT } from './staffing-slots.js';
import { BINDING_CODES } from './staffing-types.js';

describe('markNoVolume', () => {
  it('keeps the agents, binding none, occupancy 0 with agents and NaN without', () => {
    const result = new Float64Array(9);
    markNoVolume(result, 3);
    expect(result[SLOT_AGENTS]).toBe(3);
    expect(result[SLOT_BINDING]).toBe(BINDING_CODES.none);
    expect(result[SLOT_OCCUPANCY]).toBe(0);
    expect(result[SLOT_WAIT]).toBeNaN();
    markNoVolume(result, 0);
    expect(result[SLOT_OCCUPANCY]).toBeNaN();
  });
});
