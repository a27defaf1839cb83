/**
 * Right-party contact effort of an outbound campaign: for each target, the number of attempts
 * up to and including the first one that reached the target person.
 *
 * Method: the attempts are sorted by target, then time; `targetStarts[k]` is the index of the
 * first attempt of target k (with a final entry equal to the number of attempts). For each
 * target the kernel writes into `out[k]` the 1-based position of its first right-party attempt,
 * or 0 when no attempt reached the right party. The KPI of a period is Σ out ÷ number of
 * targets reached (attempts per right-party contact); lower is better. Inner helper: no
 * validation.
 *
 * Units: counts. Reference: seed paper, family 1 "Workload forecasting", right-party contact
 * (attempts until the target person is reached, outbound). Complexity: O(attempts).
 *
 * @example
 * // target 0: no, no, yes → 3; target 1: yes → 1; target 2: no → 0
 * attemptsUntilRightParty(Uint8Array.of(0, 0, 1, 1, 0), Int32Array.of(0, 3, 4, 5), new Int32Array(3)); // [3, 1, 0]
 */
export function attemptsUntilRightParty(rightParty: Uint8Array, targetStarts: Int32Array, out: Int32Array): Int32Array {
  const targets = targetStarts.length - 1;
  for (let k = 0; k < targets; k++) {
    const start = targetStarts[k];
    const end = targetStarts[k + 1];
    let found = 0;
    for (let i = start; i < end; i++) {
      if (rightParty[i] !== 0) {
        found = i - start + 1;
        break;
      }
    }
    out[k] = found;
  }
  return out;
}
