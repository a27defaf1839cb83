/*
 * Erlang B and C by the textbook formulas, summing the terms A^k / k! directly: an oracle for
 * tests, independent of the engine's kernels (which use the Erlang B recurrence and search).
 * Exact enough in doubles for the small loads of the tests (N ≲ 50).
 * Reference: Gans, Koole & Mandelbaum, "Telephone call centers: tutorial, review and research
 * prospects", Manufacturing & Service Operations Management 5(2), 2003, §4.1:
 *   B(N, A) = (A^N/N!) / Σ_{k≤N} A^k/k!
 *   C(N, A) = (A^N/N! · N/(N−A)) / (Σ_{k<N} A^k/k! + A^N/N! · N/(N−A))   (N > A)
 *   ASA = C · AHT / (N − A).
 * The service level P(wait ≤ t) has one oracle: erlangCServiceLevelOracle (queueing-oracle.ts).
 */
import { erlangCServiceLevelOracle } from './queueing-oracle.js';

/** A^k/k! for k = 0..n, by direct multiplication. */
function poissonTerms(n: number, a: number): number[] {
  const terms = [1];
  for (let k = 1; k <= n; k++) terms.push((terms[k - 1] * a) / k);
  return terms;
}

/** Erlang C wait probability of N agents at A Erlangs (N > A). */
export function erlangCOracle(agents: number, traffic: number): number {
  if (!(agents > traffic)) throw new RangeError('erlangCOracle requires agents greater than traffic');
  const terms = poissonTerms(agents, traffic);
  const below = terms.slice(0, agents).reduce((s, x) => s + x, 0);
  const top = (terms[agents] * agents) / (agents - traffic);
  return top / (below + top);
}

/** Erlang B blocking probability of N lines at A Erlangs. */
export function erlangBOracle(lines: number, traffic: number): number {
  const terms = poissonTerms(lines, traffic);
  return terms[lines] / terms.reduce((s, x) => s + x, 0);
}


/** The smallest N > A whose Erlang C service level meets the target. */
export function agentsOracle(traffic: number, ahtSeconds: number, thresholdSeconds: number, target: number): number {
  let n = Math.floor(traffic) + 1;
  while (erlangCServiceLevelOracle(n, traffic, ahtSeconds, thresholdSeconds) < target) n++;
  return n;
}
