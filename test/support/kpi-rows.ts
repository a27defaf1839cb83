import request from 'supertest';
import { UploadEvents } from '../../src/modules/uploads/upload-events.js';
import type { TestApp } from './test-app.js';

/** A row of GET /api/v1/kpis as the KPI tests read it. */
export interface KpiRow {
  channel: string;
  periodStart: string;
  periodStartLocal: string;
  kpi: string;
  family: string;
  dimension: string;
  numerator: number;
  denominator: number;
  value: number | null;
  detail: Record<string, unknown> | null;
}

/**
 * The KPI tests' two reads: `kpis(query)` lists rows with the key `analystKey()` gives (the
 * tenant is made in beforeAll), `settled()` waits until the rollups of the committed uploads
 * are recomputed (uploads answer once committed; the recompute runs right after, in the background).
 */
export function kpiReader(t: () => TestApp, analystKey: () => string): {
  kpis: (query: Record<string, string | string[]>) => Promise<KpiRow[]>;
  settled: () => Promise<void>;
} {
  return {
    kpis: async (query) =>
      (await request(t().baseUrl).get('/api/v1/kpis').query(query).set('Authorization', `Bearer ${analystKey()}`).expect(200)).body.data as KpiRow[],
    settled: () => t().app.get(UploadEvents).idle(),
  };
}
