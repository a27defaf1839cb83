import { erlangA } from '../queueing/erlang-a.js';
import { erlangABlockInto } from './erlang-a-block-into.js';
import { resolveStaffingRequest } from './resolve-staffing-request.js';

describe('erlangABlockInto', () => {
  it('writes the measures then the service level under the request definition', () => {
    const request = resolveStaffingRequest(
      'f',
      {
        model: 'erlang-a',
        intervalSeconds: 1800,
        volume: new Float64Array([100]),
        ahtSeconds: 180,
        patienceSeconds: 300,
        thresholdSeconds: 20,
        serviceLevelDefinition: 'answered-within/offered',
        goals: { serviceLevelTarget: 0.8 },
      },
      true,
    );
    const block = new Float64Array(16);
    erlangABlockInto(14, 10, 180, 300, request, new Float64Array(10), block, 8);
    const m = erlangA({
      agents: 14,
      trafficErlangs: 10,
      ahtSeconds: 180,
      patienceSeconds: 300,
      thresholdSeconds: 20,
    });
    expect(block[8]).toBe(m.waitProbability);
    expect(block[9]).toBe(m.abandonRate);
    expect(block[15]).toBeCloseTo(0.916792, 6);
  });
});
