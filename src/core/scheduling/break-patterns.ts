import type { ShiftType } from './scheduling-types.js';

/** The break options of a shift type and their feasible combinations. */
export interface BreakPatterns {
  /** Per break rule: the start offsets (minutes after the shift start) it may take. */
  options: Int32Array[];
  /** Each feasible combination: one start offset per break rule, in rule order. */
  patterns: Int32Array[];
}

/**
 * The break options and break patterns of a shift type. A rule's options are its earliest
 * start, then every `stepMinutes` up to its latest start, kept where the break ends inside the
 * shift. A pattern picks one option per rule such that no two breaks overlap (Aykin 1996's
 * explicit break-placement columns; a shift type without breaks has one empty pattern).
 *
 * Units: minutes. Reference: Aykin, T. (1996), "Optimal shift scheduling with multiple break
 * windows", Management Science 42(4), 591–602. Complexity: O(Π options per rule × rules²).
 *
 * @example
 * // 8 h shift, a 30-min lunch 180..300, step 30: options [[180, 210, 240, 270, 300]], 5 patterns
 */
export function breakPatterns(type: ShiftType, stepMinutes: number): BreakPatterns {
  const options = type.breaks.map((rule) => {
    const offsets: number[] = [];
    for (let o = rule.earliestStartMinutes; o <= rule.latestStartMinutes; o += stepMinutes) {
      if (o >= 0 && o + rule.lengthMinutes <= type.lengthMinutes) offsets.push(o);
    }
    return Int32Array.from(offsets);
  });
  const patterns: Int32Array[] = [];
  const current = new Int32Array(options.length);
  const walk = (r: number): void => {
    if (r === options.length) {
      patterns.push(current.slice());
      return;
    }
    const length = type.breaks[r].lengthMinutes;
    for (const o of options[r]) {
      let clash = false;
      for (let q = 0; q < r && !clash; q++) {
        const other = current[q];
        clash = o < other + type.breaks[q].lengthMinutes && other < o + length;
      }
      if (clash) continue;
      current[r] = o;
      walk(r + 1);
    }
  };
  walk(0);
  return { options, patterns };
}
