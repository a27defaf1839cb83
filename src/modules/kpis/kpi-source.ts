/**
 * The contract between the KPI rollup engine (src/modules/kpis) and the modules that know how
 * to compute a family of KPIs from their own tables. A source lists its KPIs (for the
 * catalogue) and, for a time range and granularity, returns one row per (channel or all,
 * period, KPI, dimension) with the numerator and denominator the value is recomputed from. The
 * engine stores the rows in the rollup table; it never averages ratios.
 */
export type KpiGranularity = 'interval' | 'day' | 'week' | 'month';

export type KpiFamily =
  | 'workload-forecasting'
  | 'agent-accessibility'
  | 'resource-accessibility'
  | 'resolution-quality'
  | 'employee-satisfaction'
  | 'customer-satisfaction'
  | 'strategic-value';

export interface KpiDefinition {
  /** kebab-case, unique across sources, e.g. `first-response-compliance-p1`. */
  readonly code: string;
  readonly name: string;
  readonly family: KpiFamily;
  /** The formula in words, as the seed gives it where it gives one. */
  readonly formula: string;
  /** `ratio` (0..1), `seconds`, `score`, `currency`, `count`, `per-year`, ... */
  readonly unit: string;
  readonly direction: 'higher-is-better' | 'lower-is-better' | 'closer-to-zero-is-better';
  /** Tables or uploads the KPI is computed from. */
  readonly inputs: readonly string[];
  /** Granularities the source can compute (daily inputs cannot give `interval`). */
  readonly granularities: readonly KpiGranularity[];
}

export interface KpiRollupRow {
  /** null: all channels together. */
  readonly channelId: number | null;
  readonly periodStart: Date;
  readonly kpi: string;
  /**
   * Optional split of the KPI: `name:value`, e.g. `contact-type:PS` (a later `priority:P1`);
   * absent or '' is the row over everything. A split row sits beside the un-split row of the
   * same channel, period and KPI, never instead of it.
   */
  readonly dimension?: string;
  readonly numerator: number;
  readonly denominator: number;
  /** The KPI value (usually numerator ÷ denominator, times a documented factor); null when undefined. */
  readonly value: number | null;
  /** Optional: what the value needs to be read, e.g. `{ scaleMin: 1, scaleMax: 5 }` or `{ currency: 'EUR' }`. */
  readonly detail?: Readonly<Record<string, unknown>> | null;
}

/** A granularity and the range of period starts [fromUtc, toUtc) wanted for it. */
export interface KpiRange {
  readonly granularity: KpiGranularity;
  readonly fromUtc: Date;
  readonly toUtc: Date;
}

export interface KpiSource {
  readonly definitions: readonly KpiDefinition[];
  /**
   * Rows for every period of `granularity` that starts in [fromUtc, toUtc), periods cut in each
   * channel's time zone (the all-channels row in the tenant's default zone, as the engine documents).
   */
  compute(tenantId: string, fromUtc: Date, toUtc: Date, granularity: KpiGranularity): Promise<KpiRollupRow[]>;
  /**
   * Optional: the rows of several granularities at once, for sources that can share one pass
   * over their data (the engine calls it, when present, instead of `compute` per granularity).
   */
  computeMany?(tenantId: string, ranges: readonly KpiRange[]): Promise<ReadonlyMap<KpiGranularity, KpiRollupRow[]>>;
  /** The KPI codes of this source for which the tenant has any input data. */
  kpisWithData(tenantId: string): Promise<ReadonlySet<string>>;
}

/**
 * Sources register themselves with `KpiSourceRegistry` (exported by KpisModule) in their
 * `onModuleInit`; the engine reads every registered source when it recomputes or lists the
 * catalogue.
 */
