import { Injectable, type OnModuleInit } from '@nestjs/common';
import { KpiSourceRegistry } from '../kpis/kpi-source-registry.js';
import type { KpiDefinition, KpiGranularity, KpiRollupRow, KpiSource } from '../kpis/kpi-source.js';
import { CasesService, KPI_PRIORITIES, MEASURE_KPI } from './cases.service.js';

const INPUTS = ['cases (POST /api/v1/cases)', 'response policy (PUT /api/v1/cases/objectives)', 'business calendar (PUT /api/v1/calendar/business-hours)'];

const MEASURE_TEXT: Record<keyof typeof MEASURE_KPI, { name: string; formula: string; inputs?: string[] }> = {
  initialResponse: { name: 'Initial response within objective', formula: 'cases whose first reply (automatic or agent; the resolution when neither) came within the initial-response objective ÷ cases whose initial response was due (met + breached)' },
  agentResponse: { name: 'Agent response within objective', formula: 'cases whose first agent response came within the initial-response objective ÷ agent responses due' },
  autoReply: { name: 'Automatic reply within objective', formula: 'cases with an automatic reply within the initial-response objective ÷ cases with an automatic reply' },
  updateCadence: { name: 'Status-update cadence met', formula: 'cases whose every gap between status updates (first response … resolution) stayed within the cadence ÷ cases decided (met + breached)', inputs: ['case updates (POST /api/v1/cases/updates)'] },
  resolution: { name: 'Resolution within objective', formula: 'cases resolved within the resolution objective ÷ cases resolved or open past it' },
};

/**
 * The deferred-contact response-time KPIs (family resource accessibility): for each measure one
 * KPI over every priority and one per priority P1–P4 (the default policy's), ratios met ÷ due.
 * Registers itself with the KPI engine.
 */
@Injectable()
export class CaseComplianceKpiSource implements KpiSource, OnModuleInit {
  readonly definitions: readonly KpiDefinition[];

  constructor(
    private readonly service: CasesService,
    private readonly registry: KpiSourceRegistry,
  ) {
    const defs: KpiDefinition[] = [];
    for (const [measure, code] of Object.entries(MEASURE_KPI) as Array<[keyof typeof MEASURE_KPI, string]>) {
      const text = MEASURE_TEXT[measure];
      const base = { family: 'resource-accessibility' as const, unit: 'ratio', direction: 'higher-is-better' as const, inputs: [...INPUTS, ...(text.inputs ?? [])], granularities: ['day', 'week', 'month'] as KpiGranularity[] };
      defs.push({ ...base, code, name: `${text.name} (all priorities)`, formula: text.formula });
      for (const p of KPI_PRIORITIES) defs.push({ ...base, code: `${code}-${p.toLowerCase()}`, name: `${text.name} (${p})`, formula: `${text.formula}, cases of priority ${p}` });
    }
    this.definitions = defs;
  }

  onModuleInit(): void {
    this.registry.register(this);
  }

  /** Open cases are judged at the time of the computation (a nightly recompute catches late breaches). */
  compute(tenantId: string, fromUtc: Date, toUtc: Date, granularity: KpiGranularity): Promise<KpiRollupRow[]> {
    return this.service.kpiRows(tenantId, fromUtc.getTime(), toUtc.getTime(), granularity, Date.now());
  }

  kpisWithData(tenantId: string): Promise<ReadonlySet<string>> {
    return this.service.kpisWithData(tenantId);
  }
}
