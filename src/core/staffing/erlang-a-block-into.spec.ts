import { erlangA } from '../queueing/erlang-a.js';
import { REFERENCE_ERLANG_A_CASE } from '../queueing/reference/reference-erlang-a-case.js';
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
    // answered within 20 s ÷ offered of the reference case (closed forms at 50 digits)
    expect(block[15]).toBeCloseTo(REFERENCE_ERLANG_A_CASE.answeredWithinThreshold, 12);
  });
});
