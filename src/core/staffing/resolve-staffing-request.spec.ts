import { resolveStaffingRequest } from './resolve-staffing-request.js';
import { GOAL_ASA, GOAL_OCCUPANCY, GOAL_SERVICE_LEVEL } from './staffing-slots.js';

const INPUT = {
  model: 'erlang-c' as const,
  intervalSeconds: 900,
  volume: new Float64Array([10, 20, 30, 40]),
  ahtSeconds: 180,
  thresholdSeconds: 20,
  goals: { serviceLevelTarget: 0.8, maxAsaSeconds: 30, maxOccupancy: 0.9 },
};

describe('resolveStaffingRequest', () => {
  it('resolves defaults, goal bits and the slice geometry', () => {
    const request = resolveStaffingRequest('f', INPUT, true);
    expect(request.goals).toBe(GOAL_SERVICE_LEVEL | GOAL_ASA | GOAL_OCCUPANCY);
    expect(request.concurrency).toBe(1);
    expect(request.definition).toBe('answered-or-abandoned-within/offered');
    expect(request.maxAbandonRate).toBeNaN();
    expect(request.logServiceLevelMiss).toBeCloseTo(Math.log(0.2), 15);
    expect([
      request.offset,
      request.stride,
      request.count,
      request.outputOffset,
      request.outputStride,
    ]).toEqual([0, 1, 4, 0, 1]);
    const strided = resolveStaffingRequest('f', { ...INPUT, offset: 1, stride: 2 }, true);
    expect([strided.count, strided.outputOffset, strided.outputStride]).toEqual([2, 1, 2]);
  });

  it.each([
    [{ model: 'erlang-x' }, 'f requires model to be one of erlang-b, erlang-c, erlang-a'],
    [{ concurrency: 0.5 }, 'f requires concurrency to be a finite number >= 1'],
    [
      { serviceLevelDefinition: 'answered/offered' },
      'f requires serviceLevelDefinition to be one of answered-or-abandoned-within/offered, answered-within/offered, answered-within/answered, answered-within/offered-minus-short-abandons',
    ],
    [{ goals: { maxBlocking: 0.01 } }, 'f requires the erlang-b model for maxBlocking'],
    [{ goals: { maxOccupancy: 0 } }, 'f requires maxOccupancy to be a finite number > 0 and <= 1'],
    [{ goals: { minOccupancy: 2 } }, 'f requires minOccupancy to be a finite number >= 0 and <= 1'],
    [{ stride: 0 }, 'f requires stride to be an integer >= 1'],
    [{ count: 9 }, 'f requires volume to hold 9 intervals from index 0'],
    [
      { ahtSeconds: new Float64Array([180, 0, 180, 180]) },
      'f requires ahtSeconds to be a finite number > 0 at interval 1',
    ],
    [{ shrinkage: 1 }, 'f requires shrinkage to be a number >= 0 and <= 0.99'],
    [
      { model: 'erlang-a', patienceSeconds: new Float64Array([60, 60, NaN, 60]) },
      'f requires patienceSeconds to be a finite number > 0 at interval 2',
    ],
  ])('refuses %o', (change, message) => {
    expect(() =>
      resolveStaffingRequest('f', { ...INPUT, ...(change as object) }, true),
    ).toThrow(new RangeError(message));
  });

  it('lets evaluation run without goals', () => {
    expect(resolveStaffingRequest('f', { ...INPUT, goals: undefined }, false).goals).toBe(0);
  });
});
