import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { periodStartSql } from '../../platform/database/period-sql.js';

/** One stored case as the compliance computation reads it (instants as epoch ms, NaN-free: null when missing). */
export interface CaseRow {
  channelId: number;
  priority: string;
  createdMs: number;
  firstResponseMs: number | null;
  autoReplyMs: number | null;
  resolvedMs: number | null;
  /** Start of its period (local day, ISO week or month of the channel's zone), epoch ms. */
  periodMs: number;
  /** Start of its period in the zone of the all-channel rows (the KPI engine's tenant zone), epoch ms. */
  periodAllMs: number;
  /** Its status updates, ascending, epoch ms. */
  updatesMs: number[];
}

/** What one compliance read asks for. */
export interface CaseRange {
  channelIds: readonly number[];
  fromMs: number;
  toMs: number;
  granularity: 'day' | 'week' | 'month';
  /** Zone of the all-channel periods. */
  allTimeZone: string;
  priorities: readonly string[] | null;
}

const ms = (column: string): string => `(extract(epoch FROM ${column}) * 1000)::float8`;

/** Response policies, business calendars and the cases with their updates. */
@Injectable()
export class CasesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async readPolicy(tenantId: string): Promise<unknown> {
    const rows: Array<{ policy: unknown }> = await this.dataSource.query('SELECT policy FROM response_policies WHERE tenant_id = $1', [tenantId]);
    return rows[0]?.policy ?? null;
  }

  async writePolicy(tenantId: string, policy: unknown): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO response_policies (tenant_id, policy) VALUES ($1, $2)
       ON CONFLICT (tenant_id) DO UPDATE SET policy = excluded.policy, updated_at = now()`,
      [tenantId, JSON.stringify(policy)],
    );
  }

  async readCalendar(tenantId: string): Promise<unknown> {
    const rows: Array<{ calendar: unknown }> = await this.dataSource.query('SELECT calendar FROM business_calendars WHERE tenant_id = $1', [tenantId]);
    return rows[0]?.calendar ?? null;
  }

  async writeCalendar(tenantId: string, calendar: unknown): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO business_calendars (tenant_id, calendar) VALUES ($1, $2)
       ON CONFLICT (tenant_id) DO UPDATE SET calendar = excluded.calendar, updated_at = now()`,
      [tenantId, JSON.stringify(calendar)],
    );
  }

  /**
   * The cases of some channels created in [from, to), ordered by priority, channel and creation,
   * each with its period starts and its status updates.
   */
  async readCases(tenantId: string, r: CaseRange): Promise<CaseRow[]> {
    if (r.channelIds.length === 0) return [];
    return this.dataSource.query(
      `SELECT c.channel_id AS "channelId", c.priority,
              ${ms('c.created_at')} AS "createdMs", ${ms('c.first_response_at')} AS "firstResponseMs",
              ${ms('c.auto_reply_at')} AS "autoReplyMs", ${ms('c.resolved_at')} AS "resolvedMs",
              ${ms(periodStartSql('c.created_at', '$5', 'ch.time_zone'))} AS "periodMs",
              ${ms(periodStartSql('c.created_at', '$5', '$6'))} AS "periodAllMs",
              coalesce((SELECT array_agg(${ms('u.updated_at')} ORDER BY u.updated_at) FROM case_updates u
                         WHERE u.tenant_id = c.tenant_id AND u.case_id = c.case_id), '{}') AS "updatesMs"
         FROM cases c JOIN channels ch ON ch.id = c.channel_id
        WHERE c.tenant_id = $1 AND c.channel_id = ANY($2::int[])
          AND c.created_at >= to_timestamp($3::float8 / 1000) AND c.created_at < to_timestamp($4::float8 / 1000)
          AND ($7::text[] IS NULL OR c.priority = ANY($7::text[]))
        ORDER BY c.priority, c.channel_id, c.created_at, c.case_id`,
      [tenantId, r.channelIds, r.fromMs, r.toMs, r.granularity, r.allTimeZone, r.priorities],
    );
  }

  /** Whether the tenant has cases, cases with an auto reply, with a first response, resolved, and status updates. */
  async dataPresence(tenantId: string): Promise<{ cases: boolean; autoReply: boolean; firstResponse: boolean; resolved: boolean; updates: boolean }> {
    const rows: Array<{ cases: boolean; autoReply: boolean; firstResponse: boolean; resolved: boolean; updates: boolean }> = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM cases WHERE tenant_id = $1) AS cases,
              EXISTS (SELECT 1 FROM cases WHERE tenant_id = $1 AND auto_reply_at IS NOT NULL) AS "autoReply",
              EXISTS (SELECT 1 FROM cases WHERE tenant_id = $1 AND first_response_at IS NOT NULL) AS "firstResponse",
              EXISTS (SELECT 1 FROM cases WHERE tenant_id = $1 AND resolved_at IS NOT NULL) AS resolved,
              EXISTS (SELECT 1 FROM case_updates WHERE tenant_id = $1) AS updates`,
      [tenantId],
    );
    return rows[0];
  }
}
