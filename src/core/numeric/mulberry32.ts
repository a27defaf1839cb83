/**
 * Seeded pseudo-random generator of uniform numbers in [0, 1): Mulberry32.
 *
 * Method: a 32-bit Weyl sequence (step 0x6d2b79f5) scrambled by two xor-shift-multiply
 * rounds; period 2^32. Deterministic for a given seed, so tests and benchmarks are
 * reproducible (the core never calls `Math.random`).
 *
 * Units: none. Reference: Tommy Ettinger, "Mulberry32" (public domain), 2017.
 * Complexity: O(1) per draw.
 *
 * @example
 * const random = mulberry32(42);
 * random(); // 0.6011037519201636
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
