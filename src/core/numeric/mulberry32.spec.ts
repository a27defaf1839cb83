import { mulberry32 } from './mulberry32.js';

/** Tommy Ettinger's published Mulberry32 (public-domain gist), verbatim apart from names: the oracle. */
function publishedMulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('mulberry32', () => {
  it('reproduces the published generator for several seeds', () => {
    for (const seed of [0, 1, 42, 20261122, 0xffffffff]) {
      const ours = mulberry32(seed);
      const published = publishedMulberry32(seed);
      for (let i = 0; i < 1000; i++) expect(ours()).toBe(published());
    }
  });

  it('gives the documented first value for seed 42 (published generator)', () => {
    expect(mulberry32(42)()).toBe(0.6011037519201636);
  });

  it('stays in [0, 1) with a mean near 1/2', () => {
    const random = mulberry32(7);
    let sum = 0;
    for (let i = 0; i < 100_000; i++) {
      const value = random();
      expect(value >= 0 && value < 1).toBe(true);
      sum += value;
    }
    expect(Math.abs(sum / 100_000 - 0.5)).toBeLessThan(0.005);
  });
});
