import type { KpiDefinition, KpiGranularity } from './kpi-source.js';

const ALL: readonly KpiGranularity[] = ['interval', 'day', 'week', 'month'];
const DAILY: readonly KpiGranularity[] = ['day', 'week', 'month'];
const ACTUALS = ['interval-actuals (or contacts, aggregated per interval)'];

/**
 * The KPIs the engine computes itself (families 1–7). Codes are kebab-case; units are `ratio`
 * (0..1), `seconds`, `score` (a survey scale, recorded in the row detail), `currency` (the
 * cost entries' currency, in the detail), `per-year` and `attempts`.
 */
export const BUILT_IN_KPIS = [
  // 1. Workload forecasting
  { code: 'forecast-error', name: 'Forecast accuracy (signed error)', family: 'workload-forecasting', formula: '(Σ forecast − Σ actual offered) ÷ Σ actual offered, over the intervals that have both (forecast: the newest forecast version holding each interval)', unit: 'ratio', direction: 'closer-to-zero-is-better', inputs: ['forecasts', ...ACTUALS], granularities: ALL },
  { code: 'forecast-within-tolerance-share', name: 'Intervals forecast within ±5%', family: 'workload-forecasting', formula: 'intervals with |forecast − actual| ≤ 5% of actual ÷ intervals with a forecast and an actual > 0 (best in class: within ±5% for groups of 100+ agents)', unit: 'ratio', direction: 'higher-is-better', inputs: ['forecasts', ...ACTUALS], granularities: ALL },
  { code: 'propensity-to-contact', name: 'Propensity to contact (annualised)', family: 'workload-forecasting', formula: '(contacts offered ÷ customers) × (365 ÷ days in period); customers: the count covering the period start, of the channel, else of all channels', unit: 'per-year', direction: 'lower-is-better', inputs: ['customer-counts', ...ACTUALS], granularities: DAILY },
  { code: 'right-party-contact-attempts', name: 'Attempts per right-party contact', family: 'workload-forecasting', formula: 'Σ attempts until the target person is reached ÷ targets reached, in the period of the reaching attempt', unit: 'attempts', direction: 'lower-is-better', inputs: ['outbound-attempts'], granularities: ALL },
  { code: 'aht-seconds', name: 'Average handle time', family: 'workload-forecasting', formula: '(talk + hold + after-contact work seconds) ÷ handled (answered) contacts', unit: 'seconds', direction: 'lower-is-better', inputs: ACTUALS, granularities: ALL },
  // 2. Agent accessibility
  { code: 'occupancy', name: 'Occupancy', family: 'agent-accessibility', formula: '(contacts × AHT seconds) ÷ (agents × interval seconds) = Σ handle seconds ÷ Σ (agents staffed × interval seconds), over intervals with staffed agents', unit: 'ratio', direction: 'higher-is-better', inputs: ['interval-actuals (agents_staffed)'], granularities: ALL },
  // 3. Resource accessibility
  { code: 'service-level', name: 'Service level (answered or abandoned within Y ÷ offered)', family: 'resource-accessibility', formula: '(answered within Y + abandoned within Y) ÷ (answered + abandoned), Y the threshold of the channel', unit: 'ratio', direction: 'higher-is-better', inputs: ACTUALS, granularities: ALL },
  { code: 'service-level-answered-within-offered', name: 'Service level (answered within Y ÷ offered)', family: 'resource-accessibility', formula: 'answered within Y ÷ (answered + abandoned)', unit: 'ratio', direction: 'higher-is-better', inputs: ACTUALS, granularities: ALL },
  { code: 'service-level-answered-within-answered', name: 'Service level (answered within Y ÷ answered)', family: 'resource-accessibility', formula: 'answered within Y ÷ answered', unit: 'ratio', direction: 'higher-is-better', inputs: ACTUALS, granularities: ALL },
  { code: 'service-level-offered-minus-short-abandons', name: 'Service level (answered within Y ÷ (offered − abandoned within Y))', family: 'resource-accessibility', formula: 'answered within Y ÷ (answered + abandoned − abandoned within Y)', unit: 'ratio', direction: 'higher-is-better', inputs: ACTUALS, granularities: ALL },
  { code: 'abandonment-rate', name: 'Abandonment (all)', family: 'resource-accessibility', formula: 'all abandoned ÷ (abandoned + answered)', unit: 'ratio', direction: 'lower-is-better', inputs: ACTUALS, granularities: ALL },
  { code: 'abandonment-after-objective-rate', name: 'Abandonment after the objective', family: 'resource-accessibility', formula: 'abandoned after Y ÷ (abandoned after Y + answered)', unit: 'ratio', direction: 'lower-is-better', inputs: ACTUALS, granularities: ALL },
  { code: 'asa-seconds', name: 'Average speed of answer', family: 'resource-accessibility', formula: 'total delay of answered contacts ÷ answered contacts', unit: 'seconds', direction: 'lower-is-better', inputs: ACTUALS, granularities: ALL },
  // 4. Resolution quality
  { code: 'quality-score', name: 'Quality of contact', family: 'resolution-quality', formula: 'mean of (evaluation score ÷ max score)', unit: 'ratio', direction: 'higher-is-better', inputs: ['quality-evaluations'], granularities: DAILY },
  { code: 'first-contact-resolution', name: 'First-contact resolution', family: 'resolution-quality', formula: 'contacts resolved on first contact ÷ contacts with an outcome', unit: 'ratio', direction: 'higher-is-better', inputs: ['fcr-outcomes'], granularities: DAILY },
  // 5. Employee satisfaction
  { code: 'employee-satisfaction-mean', name: 'Employee satisfaction (survey mean)', family: 'employee-satisfaction', formula: 'Σ esat score ÷ responses, on the survey scale (null when a period mixes scales)', unit: 'score', direction: 'higher-is-better', inputs: ['surveys (kind esat)'], granularities: DAILY },
  { code: 'engagement-mean', name: 'Engagement (survey mean)', family: 'employee-satisfaction', formula: 'Σ engagement score ÷ responses, on the survey scale (null when a period mixes scales)', unit: 'score', direction: 'higher-is-better', inputs: ['surveys (kind engagement)'], granularities: DAILY },
  { code: 'agent-turnover', name: 'Agent turnover (annualised)', family: 'employee-satisfaction', formula: '(agents leaving ÷ average agents) × (12 ÷ months in period); average agents = agent-days on payroll ÷ days; months = 1 for a month, days × 12 ÷ 365 otherwise', unit: 'per-year', direction: 'lower-is-better', inputs: ['workforce-events'], granularities: DAILY },
  { code: 'agent-turnover-voluntary', name: 'Agent turnover, voluntary (annualised)', family: 'employee-satisfaction', formula: 'as agent-turnover, counting voluntary exits only', unit: 'per-year', direction: 'lower-is-better', inputs: ['workforce-events'], granularities: DAILY },
  { code: 'agent-turnover-involuntary', name: 'Agent turnover, involuntary (annualised)', family: 'employee-satisfaction', formula: 'as agent-turnover, counting involuntary exits only', unit: 'per-year', direction: 'lower-is-better', inputs: ['workforce-events'], granularities: DAILY },
  // 6. Customer satisfaction
  { code: 'customer-satisfaction-mean', name: 'Customer satisfaction (survey mean)', family: 'customer-satisfaction', formula: 'Σ csat score ÷ responses, on the survey scale (null when a period mixes scales)', unit: 'score', direction: 'higher-is-better', inputs: ['surveys (kind csat)'], granularities: DAILY },
  { code: 'customer-satisfied-share', name: 'Satisfied customers (top box)', family: 'customer-satisfaction', formula: 'csat responses with (score − scale min) ≥ threshold × (scale max − scale min) ÷ responses; threshold KPI_CSAT_TOP_BOX_THRESHOLD (default 0.75: 4 and 5 of 1–5)', unit: 'ratio', direction: 'higher-is-better', inputs: ['surveys (kind csat)'], granularities: DAILY },
  { code: 'customer-effort-mean', name: 'Customer effort (survey mean)', family: 'customer-satisfaction', formula: 'Σ effort score ÷ responses, on the survey scale recorded in the detail (null when a period mixes scales)', unit: 'score', direction: 'lower-is-better', inputs: ['surveys (kind effort)'], granularities: DAILY },
  // 7. Strategic value
  { code: 'cost-per-contact', name: 'Cost per contact', family: 'strategic-value', formula: 'actual costs (prorated by days) ÷ contacts handled (answered); also split by contact type (rows with dimension contact-type:<type>): actual costs of the entries naming that type ÷ answered per-contact records of that type', unit: 'currency', direction: 'lower-is-better', inputs: ['costs (kind actual; contact_type for the split)', ...ACTUALS, 'contacts (contact_type, for the split)'], granularities: DAILY },
  { code: 'budget-variance', name: 'Performance against budget', family: 'strategic-value', formula: 'budget − actual spend (both prorated by days); positive: under budget', unit: 'currency', direction: 'higher-is-better', inputs: ['costs (kinds budget, actual)'], granularities: DAILY },
  { code: 'budget-variance-ratio', name: 'Performance against budget (share of budget)', family: 'strategic-value', formula: '(budget − actual spend) ÷ budget', unit: 'ratio', direction: 'higher-is-better', inputs: ['costs (kinds budget, actual)'], granularities: DAILY },
  { code: 'revenue', name: 'Revenue attributed', family: 'strategic-value', formula: 'Σ revenue attributed to the period (prorated by days)', unit: 'currency', direction: 'higher-is-better', inputs: ['costs (kind revenue)'], granularities: DAILY },
] as const satisfies readonly KpiDefinition[];

export type BuiltInKpiCode = (typeof BUILT_IN_KPIS)[number]['code'];
