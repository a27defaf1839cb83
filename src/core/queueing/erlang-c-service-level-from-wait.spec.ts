import { erlangCServiceLevelFromWait } from './erlang-c-service-level-from-wait.js';

describe('erlangCServiceLevelFromWait', () => {
  it('computes 1 − C·D', () => {
    expect(erlangCServiceLevelFromWait(0.2, 12, 10, 0.5)).toBeCloseTo(0.9, 15);
  });

  it('is 0 when overloaded', () => {
    expect(erlangCServiceLevelFromWait(1, 10, 10, 1)).toBe(0);
  });
});
