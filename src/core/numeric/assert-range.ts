/**
 * Throws the house `RangeError` when a parameter is not a finite number inside a range.
 *
 * Method: `minimum`/`maximum` bound the value, inclusively unless the matching `exclusive`
 * flag is set; NaN and ±Infinity always fail. The message keeps one grammar:
 * `<caller> requires <name> to be a finite number > 0`.
 *
 * Units: those of the value. Reference: house style (public kernels validate their
 * parameters; inner helpers never throw). Complexity: O(1).
 *
 * @example
 * assertRange('erlangC', 'trafficErlangs', -1, 0, Infinity); // throws
 * // RangeError: erlangC requires trafficErlangs to be a finite number >= 0
 */
export function assertRange(
  caller: string,
  name: string,
  value: number,
  minimum: number,
  maximum: number,
  minimumExclusive = false,
  maximumExclusive = false,
): void {
  const aboveMinimum = minimumExclusive ? value > minimum : value >= minimum;
  const belowMaximum = maximumExclusive ? value < maximum : value <= maximum;
  if (Number.isFinite(value) && aboveMinimum && belowMaximum) return;
  const parts: string[] = [];
  if (minimum > -Infinity) parts.push(`${minimumExclusive ? '>' : '>='} ${minimum}`);
  if (maximum < Infinity) parts.push(`${maximumExclusive ? '<' : '<='} ${maximum}`);
  const range = parts.length > 0 ? ` ${parts.join(' and ')}` : '';
  throw new RangeError(`${caller} requires ${name} to be a finite number${range}`);
}
