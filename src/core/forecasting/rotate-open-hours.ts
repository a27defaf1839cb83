/**
 * Open hours of a later window: the flags of a history (weekday 0 = its day 0) re-indexed for a
 * window that starts `offset` days later, so weekday 0 is the window's day 0.
 *
 * Formula: out[w·s + j] = open[((w + offset) mod 7)·s + j]. Units: flags. Reference: none (an
 * index shift). Complexity: O(7·s); no copy when offset ≡ 0 (mod 7).
 *
 * @example
 * rotateOpenHours(Uint8Array.of(1, 0, 0, 0, 0, 0, 0), 1, 6) // [0, 1, 0, 0, 0, 0, 0]
 */
export function rotateOpenHours(open: Uint8Array | undefined, slotsPerDay: number, offset: number): Uint8Array | undefined {
  const s = slotsPerDay;
  const shift = ((offset % 7) + 7) % 7;
  if (!open || shift === 0) return open;
  const out = new Uint8Array(7 * s);
  for (let w = 0; w < 7; w++) {
    const from = ((w + shift) % 7) * s;
    out.set(open.subarray(from, from + s), w * s);
  }
  return out;
}
