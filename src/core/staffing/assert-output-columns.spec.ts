import { assertOutputColumns } from './assert-output-columns.js';
import { resolveStaffingRequest } from './resolve-staffing-request.js';

describe('assertOutputColumns', () => {
  const request = resolveStaffingRequest(
    'f',
    {
      model: 'erlang-c',
      intervalSeconds: 900,
      volume: new Float64Array(4),
      ahtSeconds: 180,
      goals: { maxOccupancy: 0.9 },
    },
    true,
  );

  it('checks the columns given and skips the others', () => {
    expect(() =>
      assertOutputColumns('f', { agents: new Int32Array(4), occupancy: undefined }, request),
    ).not.toThrow();
    expect(() => assertOutputColumns('f', { occupancy: new Float64Array(3) }, request)).toThrow(
      new RangeError('f requires occupancy to hold 4 intervals from index 0'),
    );
  });
});
