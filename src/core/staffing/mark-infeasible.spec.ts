import { markInfeasible } from './mark-infeasible.js';
import {
  SLOT_AGENTS,
  SLOT_BINDING,
  SLOT_FRACTIONAL,
  SLOT_SERVICE_LEVEL,
} from './staffing-slots.js';
import { BINDING_CODES } from './staffing-types.js';

describe('markInfeasible', () => {
  it('sets agents −1, binding infeasible and every measure NaN', () => {
    const result = new Float64Array(9);
    markInfeasible(result);
    expect(result[SLOT_AGENTS]).toBe(-1);
    expect(result[SLOT_BINDING]).toBe(BINDING_CODES.infeasible);
    expect(result[SLOT_FRACTIONAL]).toBeNaN();
    expect(result[SLOT_SERVICE_LEVEL]).toBeNaN();
  });
});
