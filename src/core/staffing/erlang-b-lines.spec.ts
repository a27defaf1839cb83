import { mulberry32 } from '../numeric/mulberry32.js';
import { scanHighPrecisionErlang } from '../queueing/reference/scan-high-precision-erlang.js';
import { erlangBLines } from './erlang-b-lines.js';

describe('erlangBLines', () => {
  it('needs 17 lines for 2 % blocking at 10 Erlangs (Erlang B tables)', () => {
    expect(erlangBLines(10, 0.02)).toBe(17);
  });

  it('equals the first n with B(n, a) ≤ target from the 200-bit oracle', () => {
    const random = mulberry32(31);
    for (let i = 0; i < 30; i++) {
      const a = 0.001 * Math.exp(random() * Math.log(2e6));
      const maxBlocking = 0.0005 + 0.3 * random();
      let expected = -1;
      scanHighPrecisionErlang(a, Math.ceil(a + 60 * Math.sqrt(a) + 100), (exact) => {
        if (exact.blocking <= maxBlocking) expected = exact.agents;
        return expected >= 0;
      });
      expect(erlangBLines(a, maxBlocking)).toBe(expected);
    }
  });

  it('needs no lines without traffic or with a blocking target of 1', () => {
    expect(erlangBLines(0, 0.01)).toBe(0);
    expect(erlangBLines(5, 1)).toBe(0);
  });

  it('refuses a blocking target of 0, which no line count meets', () => {
    expect(() => erlangBLines(5, 0)).toThrow(
      new RangeError('erlangBLines requires maxBlocking to be a finite number > 0 and <= 1'),
    );
  });
});
