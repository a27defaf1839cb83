import { erlangCAsaFromWait } from './erlang-c-asa-from-wait.js';

describe('erlangCAsaFromWait', () => {
  it('computes C·AHT/(n − a)', () => {
    expect(erlangCAsaFromWait(0.5, 12, 10, 180)).toBeCloseTo(45, 13);
  });

  it('is NaN when overloaded', () => {
    expect(erlangCAsaFromWait(1, 10, 10, 180)).toBeNaN();
  });
});
