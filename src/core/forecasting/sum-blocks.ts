/**
 * Sums consecutive blocks of a column (intervals into days: block = slots per day).
 *
 * Formula: out[b] = Σ_{i<block} x[b·block + i]. Units: those of x. Reference: none (a roll-up).
 * Complexity: O(n).
 *
 * @example
 * sumBlocks(Float64Array.of(1, 2, 3, 4), 2, out) // out = [3, 7]
 */
export function sumBlocks(x: Float64Array, block: number, out: Float64Array): void {
  if (!Number.isInteger(block) || block < 1 || out.length * block !== x.length) {
    throw new RangeError(`sumBlocks requires out to hold x.length / block sums, got ${x.length} values, block ${block}, ${out.length} sums`);
  }
  for (let b = 0; b < out.length; b++) {
    let s = 0;
    for (let i = 0; i < block; i++) s += x[b * block + i];
    out[b] = s;
  }
}
