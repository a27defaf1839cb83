/** |actual / expected − 1|; Infinity when actual is null (a missing number never passes a tolerance). */
export function relativeError(actual: number | null | undefined, expected: number): number {
  if (actual === null || actual === undefined) return Infinity;
  return expected === 0 ? Math.abs(actual) : Math.abs(actual / expected - 1);
}
