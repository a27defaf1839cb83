import { randomProblem } from '../../../test/support/scheduling-problems.js';
import { breaksFromPatterns } from './breaks-from-patterns.js';
import { scheduleGeometry } from './schedule-geometry.js';

describe('breaksFromPatterns', () => {
  it('writes one break per rule at shift start + the pattern offset', () => {
    const problem = randomProblem(31, false);
    const geometry = scheduleGeometry(problem);
    const last = problem.candidates.type.length - 1;
    const patterns = geometry.types[problem.candidates.type[last]].patterns;
    const b = breaksFromPatterns(
      problem,
      geometry,
      Int32Array.from([0, last]),
      Int32Array.from([0, patterns.length - 1]),
    );
    const rules0 = problem.shiftTypes[problem.candidates.type[0]].breaks.length;
    expect(b.shift.length).toBe(rules0 + patterns[0].length);
    for (let i = rules0; i < b.shift.length; i++) {
      expect(b.shift[i]).toBe(1);
      expect(b.startMinutes[i]).toBe(
        problem.candidates.startMinutes[last] + patterns[patterns.length - 1][b.rule[i]],
      );
    }
  });
});
