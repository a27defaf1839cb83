import { BREACHED, MET } from '../../core/service-objectives/compliance-status.js';
import { nearestRankPercentile } from '../../core/service-objectives/nearest-rank-percentile.js';
import type { CaseEvaluation } from './case-evaluation.js';

export const MEASURES = ['initialResponse', 'agentResponse', 'autoReply', 'updateCadence', 'resolution'] as const;
export type Measure = (typeof MEASURES)[number];

/** Counts of one group of cases: per measure met and due (met + breached), open, resolution times. */
export interface GroupTotals {
  cases: number;
  open: number;
  met: Record<Measure, number>;
  due: Record<Measure, number>;
  resolutionSeconds: number[];
}

export function newTotals(): GroupTotals {
  const zero = (): Record<Measure, number> => ({ initialResponse: 0, agentResponse: 0, autoReply: 0, updateCadence: 0, resolution: 0 });
  return { cases: 0, open: 0, met: zero(), due: zero(), resolutionSeconds: [] };
}

/** Adds case i of an evaluation to a group. */
export function addCase(t: GroupTotals, e: CaseEvaluation, i: number): void {
  t.cases++;
  const seconds = e.resolutionSeconds[i];
  if (Number.isNaN(seconds)) t.open++;
  else t.resolutionSeconds.push(seconds);
  for (const m of MEASURES) {
    const s = e[m][i];
    if (s === MET) {
      t.met[m]++;
      t.due[m]++;
    } else if (s === BREACHED) t.due[m]++;
  }
}

/** met ÷ due, null when nothing was due. */
export const share = (t: GroupTotals, m: Measure): number | null => (t.due[m] > 0 ? t.met[m] / t.due[m] : null);

/** Nearest-rank p50, p90, p95 of the group's resolution seconds (null without resolved cases). */
export function resolutionPercentiles(t: GroupTotals): [number | null, number | null, number | null] {
  const sorted = Float64Array.from(t.resolutionSeconds).sort();
  const p = (q: number): number | null => (sorted.length ? nearestRankPercentile(sorted, q) : null);
  return [p(0.5), p(0.9), p(0.95)];
}
