import { SLOT_AGENTS, SLOT_OCCUPANCY, SLOT_SERVICE_LEVEL } from './staffing-slots.js';
import { STAFFING_WARNING_BITS } from './staffing-types.js';
import { writeMeasureColumns } from './write-measure-columns.js';

describe('writeMeasureColumns', () => {
  it('writes the columns given at the index and sets warning bits', () => {
    const result = new Float64Array(9);
    result[SLOT_AGENTS] = 9;
    result[SLOT_SERVICE_LEVEL] = 0;
    result[SLOT_OCCUPANCY] = 1;
    const output = { serviceLevel: new Float64Array(3), warnings: new Uint8Array(3) };
    writeMeasureColumns(result, output, 2, 10, NaN);
    expect(output.serviceLevel[2]).toBe(0);
    expect(output.warnings[2]).toBe(STAFFING_WARNING_BITS.overloaded);
    result[SLOT_AGENTS] = 14;
    result[SLOT_OCCUPANCY] = 0.6;
    writeMeasureColumns(result, output, 1, 10, 0.7);
    expect(output.warnings[1]).toBe(STAFFING_WARNING_BITS['min-occupancy']);
  });

  it('raises no overloaded warning for infeasible intervals (agents −1) or without volume', () => {
    const result = new Float64Array(9).fill(NaN);
    result[SLOT_AGENTS] = -1;
    const output = { warnings: new Uint8Array(1) };
    writeMeasureColumns(result, output, 0, 10, 0.5);
    expect(output.warnings[0]).toBe(0);
    result[SLOT_AGENTS] = 0;
    writeMeasureColumns(result, output, 0, 0, 0.5);
    expect(output.warnings[0]).toBe(0);
  });
});
