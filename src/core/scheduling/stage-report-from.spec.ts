import type { MipResult } from './mip-types.js';
import { stageReportFrom } from './stage-report-from.js';

const result = (status: MipResult['status'], objective: number, bound: number): MipResult => ({
  status,
  hasSolution: true,
  objective,
  bound,
  gap: 0,
  solveSeconds: 1,
  variables: 10,
  constraints: 5,
  values: new Map(),
});

describe('stageReportFrom', () => {
  it('sums objectives, bounds, seconds and sizes; the gap of the sums; the weakest status', () => {
    expect(stageReportFrom([result('optimal', 3, 3), result('time-limit', 5, 4)])).toEqual({
      status: 'time-limit',
      objective: 8,
      bound: 7,
      gap: 1 / 8,
      solveSeconds: 2,
      variables: 20,
      constraints: 10,
    });
  });

  it('says optimal with gap 0 when objective equals bound, also at 0', () => {
    expect(stageReportFrom([result('optimal', 0, 0)])).toMatchObject({ status: 'optimal', gap: 0 });
    expect(stageReportFrom([result('gap-reached', 10, 9.9)]).status).toBe('gap-reached');
  });
});
