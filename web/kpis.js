// Range KPIs of the dashboard, from the API's interval rows: every ratio is a sum of numerators
// over a sum of denominators (API conventions: rolled-up ratios are never averaged).

/** @param {number} num @param {number} den */
const ratio = (num, den) => (den > 0 ? num / den : null);

/**
 * KPIs of one channel over the range.
 * - serviceLevel = Σ(answered + abandoned within threshold) ÷ Σ(answered + abandoned)
 *   (interval actuals; the interval-comparison report's service_level_achieved)
 * - asaSeconds = Σ wait seconds ÷ Σ answered; abandonRate = Σ abandoned ÷ Σ(answered + abandoned)
 * - occupancy = Σ handle seconds ÷ Σ(staffed agents × interval seconds), over the intervals with
 *   staffed agents and actuals whose handle time fits in the staffed time (as the report: more
 *   is a data problem, left out; staffed agents from the interval-comparison report)
 * - forecastWape = Σ|F − A| ÷ Σ A over the intervals with both a forecast and actuals (an
 *   interval without actuals is missing, not 0), as GET /reports/forecast-accuracy's summary;
 *   forecastAccuracy = 1 − WAPE; forecastIntervals and matchedIntervals tell "no forecast" from
 *   "no actuals"
 * - adherence = Σ adherent seconds ÷ Σ scheduled seconds (GET /adherence rows of the channel)
 * A KPI whose denominator is 0 or whose input is missing is null ("no data").
 *
 * @param {{ comparison: any[] | null, actuals: any[] | null, adherence: any[] | null, channel: string, intervalSeconds: number }} input
 */
export function rangeKpis({ comparison, actuals, adherence, channel, intervalSeconds }) {
  const out = { serviceLevel: null, asaSeconds: null, abandonRate: null, occupancy: null, forecastAccuracy: null, forecastWape: null, forecastIntervals: 0, matchedIntervals: 0, adherence: null };
  if (actuals) {
    let answered = 0, abandoned = 0, within = 0, wait = 0;
    for (const r of actuals) {
      answered += r.answered;
      abandoned += r.abandoned;
      within += r.answeredWithinThreshold + r.abandonedWithinThreshold;
      wait += r.waitSeconds;
    }
    out.serviceLevel = ratio(within, answered + abandoned);
    out.asaSeconds = ratio(wait, answered);
    out.abandonRate = ratio(abandoned, answered + abandoned);
  }
  if (comparison) {
    const handleByStart = new Map((actuals ?? []).map((r) => [r.periodStart, r.handleSeconds]));
    let handle = 0, agentSeconds = 0, absError = 0, actual = 0;
    for (const r of comparison) {
      if (r.staffedAgents !== null && r.actualOffered !== null && handleByStart.has(r.periodStart) && handleByStart.get(r.periodStart) <= r.staffedAgents * intervalSeconds) {
        handle += handleByStart.get(r.periodStart);
        agentSeconds += r.staffedAgents * intervalSeconds;
      }
      if (r.forecastVolume !== null) {
        out.forecastIntervals++;
        if (r.actualOffered !== null) {
          out.matchedIntervals++;
          absError += Math.abs(r.forecastVolume - r.actualOffered);
          actual += r.actualOffered;
        }
      }
    }
    if (actuals) out.occupancy = ratio(handle, agentSeconds);
    out.forecastWape = ratio(absError, actual);
    out.forecastAccuracy = out.forecastWape === null ? null : 1 - out.forecastWape;
  }
  if (adherence) {
    let adherent = 0, scheduled = 0;
    for (const r of adherence) {
      if (r.key !== channel) continue;
      adherent += r.adherentSeconds;
      scheduled += r.scheduledSeconds;
    }
    out.adherence = ratio(adherent, scheduled);
  }
  return out;
}
