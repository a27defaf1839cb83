import { logGamma } from './log-gamma.js';

// Expected values: Γ(1) = Γ(2) = 1, Γ(5) = 4! = 24, Γ(1/2) = √π, Γ(3/2) = √π/2 (exact
// identities); Γ(1.25) = 0.9064024770554771 and Γ(1.75) = 0.9190625268488832 (Abramowitz &
// Stegun, Table 6.1, to the digits printed there and in DLMF 5.4).
describe('logGamma', () => {
  it.each([
    [1, 1],
    [2, 1],
    [5, 24],
    [0.5, Math.sqrt(Math.PI)],
    [1.5, Math.sqrt(Math.PI) / 2],
    [1.25, 0.9064024770554771],
    [1.75, 0.9190625268488832],
  ])('Γ(%p) = %p to 1e-14', (s, expected) => {
    expect(Math.abs(Math.exp(logGamma(s)) / expected - 1)).toBeLessThan(1e-14);
  });

  it('satisfies Γ(s + 1) = s·Γ(s) across [1, 2]', () => {
    for (let s = 1; s <= 2; s += 0.0625) {
      expect(Math.abs(logGamma(s + 1) - Math.log(s) - logGamma(s))).toBeLessThan(5e-15);
    }
  });
});
