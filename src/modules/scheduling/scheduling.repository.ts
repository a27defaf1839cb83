import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import type { StageReport } from '../../core/scheduling/scheduling-types.js';
import type { ScenarioTotals } from './scenario-building.js';
import type { WeekdayCode } from './scheduling-rules.js';

/** Staging columns of a roster upload (what COPY writes, in order). */
export const AGENT_STAGING_COLUMNS = 'line, agent_id, team, channels, min_minutes, max_minutes, days, from_minutes, to_minutes';
export const AGENT_STAGING_DDL = 'line integer, agent_id text, team text, channels text, min_minutes integer, max_minutes integer, days text, from_minutes integer, to_minutes integer';

/** One agent of the scheduling roster. */
export interface AgentContractRow {
  agentId: string;
  team: string | null;
  channelCodes: string[];
  minWeeklyMinutes: number;
  maxWeeklyMinutes: number;
  availableDays: WeekdayCode[];
  availableFromMinutes: number | null;
  availableToMinutes: number | null;
  updatedAt: Date;
}

/** One stored scenario. */
export interface ScenarioRow {
  id: string;
  planId: string;
  channelCodes: string[];
  timeZone: string;
  intervalMinutes: number;
  fromAt: Date;
  toAt: Date;
  status: 'draft' | 'published';
  totals: ScenarioTotals;
  stages: { design: StageReport; roster: StageReport | null; breaks: StageReport };
  createdAt: Date;
  createdByKeyName: string | null;
  publishedAt: Date | null;
  publishUploadId: string | null;
}

/** Scenario activities as columns (for unnest). */
export interface ActivityColumns {
  agentId: string[];
  team: Array<string | null>;
  channels: string[];
  activity: string[];
  startAt: Date[];
  endAt: Date[];
}

/** Scenario coverage as columns (for unnest); null: unknown. */
export interface CoverageColumns {
  intervalStart: Date[];
  required: Array<number | null>;
  onPhone: number[];
  under: Array<number | null>;
  over: Array<number | null>;
  serviceLevel: Array<number | null>;
  asaSeconds: Array<number | null>;
}

export interface ActivityRow {
  agentId: string;
  team: string | null;
  channelCodes: string[];
  activity: string;
  startAt: Date;
  endAt: Date;
}

export interface CoverageRow {
  intervalStart: Date;
  requiredAgents: number | null;
  onPhoneAgents: number;
  underAgents: number | null;
  overAgents: number | null;
  serviceLevel: number | null;
  asaSeconds: number | null;
}

const AGENT_COLUMNS = `agent_id AS "agentId", team, channel_codes AS "channelCodes", min_weekly_minutes AS "minWeeklyMinutes",
  max_weekly_minutes AS "maxWeeklyMinutes", available_days AS "availableDays", available_from_minutes AS "availableFromMinutes",
  available_to_minutes AS "availableToMinutes", updated_at AS "updatedAt"`;

const SCENARIO_COLUMNS = `id, plan_id AS "planId", channel_codes AS "channelCodes", time_zone AS "timeZone", interval_minutes AS "intervalMinutes",
  from_at AS "fromAt", to_at AS "toAt", status, totals, stages, created_at AS "createdAt", created_by_key_name AS "createdByKeyName",
  published_at AS "publishedAt", publish_upload_id AS "publishUploadId"`;

const union = (tables: readonly string[], columns: string): string => tables.map((t) => `SELECT ${columns} FROM ${t}`).join(' UNION ALL ');

/** Scheduling rules, the roster's contract data, and schedule scenarios. */
@Injectable()
export class SchedulingRepository {
  /** The publishes of this process, one after the other (the last one queued). */
  private publishing: Promise<void> = Promise.resolve();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Runs `work` holding the tenant's publish lock (a session advisory lock on its own
   * connection), so that the check for schedules already on the days and the upload that writes
   * them cannot interleave with another publish of the tenant, on any instance. Publishes of
   * this process queue in memory first: a waiting publish holds no pooled connection, so waiters
   * cannot take the connections the lock holder's upload needs.
   */
  async withPublishLock<T>(tenantId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.publishing;
    let done!: () => void;
    this.publishing = new Promise<void>((resolve) => (done = resolve));
    await previous;
    try {
      return await this.holdingPublishLock(tenantId, work);
    } finally {
      done();
    }
  }

  private async holdingPublishLock<T>(tenantId: string, work: () => Promise<T>): Promise<T> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    const key = `${tenantId}:schedule-publish`;
    try {
      await runner.query('SELECT pg_advisory_lock(hashtext($1))', [key]);
      try {
        return await work();
      } finally {
        await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [key]);
      }
    } finally {
      await runner.release();
    }
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  async readRules(tenantId: string): Promise<unknown> {
    const rows: Array<{ rules: unknown }> = await this.db.query('SELECT rules FROM scheduling_rules WHERE tenant_id = $1', [tenantId]);
    return rows[0]?.rules ?? null;
  }

  async writeRules(tenantId: string, rules: unknown): Promise<void> {
    await this.db.query(
      `INSERT INTO scheduling_rules (tenant_id, rules) VALUES ($1, $2)
       ON CONFLICT (tenant_id) DO UPDATE SET rules = excluded.rules, updated_at = now()`,
      [tenantId, JSON.stringify(rules)],
    );
  }

  /** Inserts or replaces one agent; true when it was new. */
  async upsertAgent(tenantId: string, a: Omit<AgentContractRow, 'updatedAt'>): Promise<boolean> {
    const rows: Array<{ inserted: boolean }> = await this.db.query(
      `INSERT INTO scheduling_agents (tenant_id, agent_id, team, channel_codes, min_weekly_minutes, max_weekly_minutes, available_days,
         available_from_minutes, available_to_minutes)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (tenant_id, agent_id) DO UPDATE SET team = excluded.team, channel_codes = excluded.channel_codes,
         min_weekly_minutes = excluded.min_weekly_minutes, max_weekly_minutes = excluded.max_weekly_minutes,
         available_days = excluded.available_days, available_from_minutes = excluded.available_from_minutes,
         available_to_minutes = excluded.available_to_minutes, upload_id = NULL, updated_at = now()
       RETURNING (xmax = 0) AS inserted`,
      [tenantId, a.agentId, a.team, a.channelCodes, a.minWeeklyMinutes, a.maxWeeklyMinutes, a.availableDays, a.availableFromMinutes, a.availableToMinutes],
    );
    return rows[0].inserted;
  }

  async findAgent(tenantId: string, agentId: string): Promise<AgentContractRow | null> {
    const rows: AgentContractRow[] = await this.db.query(`SELECT ${AGENT_COLUMNS} FROM scheduling_agents WHERE tenant_id = $1 AND agent_id = $2`, [tenantId, agentId]);
    return rows[0] ?? null;
  }

  /** By agent id; `after`: the last id of the previous page. */
  async listAgents(tenantId: string, after: string | null, limit: number): Promise<AgentContractRow[]> {
    return this.db.query(
      `SELECT ${AGENT_COLUMNS} FROM scheduling_agents WHERE tenant_id = $1 AND ($2::text IS NULL OR agent_id COLLATE "C" > $2::text COLLATE "C")
        ORDER BY agent_id COLLATE "C" LIMIT $3`,
      [tenantId, after, limit],
    );
  }

  /** The agents serving any of the channels, by agent id. */
  async agentsOfChannels(tenantId: string, codes: readonly string[]): Promise<AgentContractRow[]> {
    return this.db.query(`SELECT ${AGENT_COLUMNS} FROM scheduling_agents WHERE tenant_id = $1 AND channel_codes && $2::text[] ORDER BY agent_id COLLATE "C"`, [tenantId, codes]);
  }

  /** Staged roster rows repeating an agent of an earlier line of the same upload. */
  async stagedRepeats(client: PoolClient, tables: readonly string[]): Promise<Array<{ line: number; otherLine: number; agentId: string; total: number }>> {
    const { rows } = await client.query<{ line: number; otherLine: number; agentId: string; total: number }>(
      `SELECT line, prev_line AS "otherLine", agent_id AS "agentId", (count(*) OVER ())::int AS total
         FROM (SELECT line, agent_id, lag(line) OVER (PARTITION BY agent_id ORDER BY line) AS prev_line
                 FROM (${union(tables, 'line, agent_id')}) s) x
        WHERE prev_line IS NOT NULL ORDER BY line LIMIT 100`,
    );
    return rows;
  }

  /** Upserts the staged roster rows; counts the new agents and the replaced ones. */
  async mergeAgents(client: PoolClient, tenantId: string, uploadId: string, tables: readonly string[]): Promise<{ inserted: number; updated: number }> {
    const { rows } = await client.query<{ inserted: number; updated: number }>(
      `WITH s AS (${union(tables, AGENT_STAGING_COLUMNS)}),
       up AS (
         INSERT INTO scheduling_agents (tenant_id, agent_id, team, channel_codes, min_weekly_minutes, max_weekly_minutes, available_days,
           available_from_minutes, available_to_minutes, upload_id)
         SELECT $1, agent_id, nullif(team, ''), string_to_array(channels, '|'), min_minutes, max_minutes, string_to_array(days, '|'),
                from_minutes, to_minutes, $2
           FROM s
         ON CONFLICT (tenant_id, agent_id) DO UPDATE SET team = excluded.team, channel_codes = excluded.channel_codes,
           min_weekly_minutes = excluded.min_weekly_minutes, max_weekly_minutes = excluded.max_weekly_minutes,
           available_days = excluded.available_days, available_from_minutes = excluded.available_from_minutes,
           available_to_minutes = excluded.available_to_minutes, upload_id = excluded.upload_id, updated_at = now()
         RETURNING (xmax = 0) AS inserted)
       SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM up`,
      [tenantId, uploadId],
    );
    return rows[0];
  }

  async insertScenario(
    manager: EntityManager,
    tenantId: string,
    s: Omit<ScenarioRow, 'createdAt' | 'publishedAt' | 'publishUploadId' | 'status'>,
    activities: ActivityColumns,
    coverage: CoverageColumns,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO schedule_scenarios (tenant_id, id, plan_id, channel_codes, time_zone, interval_minutes, from_at, to_at, status, totals, stages, created_by_key_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'draft', $9, $10, $11)`,
      [tenantId, s.id, s.planId, s.channelCodes, s.timeZone, s.intervalMinutes, s.fromAt, s.toAt, JSON.stringify(s.totals), JSON.stringify(s.stages), s.createdByKeyName],
    );
    await manager.query(
      `INSERT INTO schedule_scenario_activities (tenant_id, scenario_id, agent_id, team, channel_codes, activity, start_at, end_at)
       SELECT $1, $2, a, t, string_to_array(c, '|'), act, s, e FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::timestamptz[]) AS u(a, t, c, act, s, e)`,
      [tenantId, s.id, activities.agentId, activities.team, activities.channels, activities.activity, activities.startAt, activities.endAt],
    );
    await manager.query(
      `INSERT INTO schedule_scenario_intervals (tenant_id, scenario_id, interval_start, required_agents, on_phone_agents, under_agents, over_agents, service_level, asa_seconds)
       SELECT $1, $2, * FROM unnest($3::timestamptz[], $4::float8[], $5::float8[], $6::float8[], $7::float8[], $8::float8[], $9::float8[])`,
      [tenantId, s.id, coverage.intervalStart, coverage.required, coverage.onPhone, coverage.under, coverage.over, coverage.serviceLevel, coverage.asaSeconds],
    );
  }

  async findScenario(tenantId: string, id: string): Promise<ScenarioRow | null> {
    const rows: ScenarioRow[] = await this.db.query(`SELECT ${SCENARIO_COLUMNS} FROM schedule_scenarios WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
    return rows[0] ?? null;
  }

  /** Newest first (to the millisecond the cursor carries); `after`: (createdAt, id) of the previous page's last row; `planId` filters. */
  async listScenarios(tenantId: string, planId: string | null, after: { createdAt: string; id: string } | null, limit: number): Promise<ScenarioRow[]> {
    return this.db.query(
      `SELECT ${SCENARIO_COLUMNS} FROM schedule_scenarios
        WHERE tenant_id = $1 AND ($2::uuid IS NULL OR plan_id = $2::uuid)
          AND ($3::timestamptz IS NULL OR (date_trunc('milliseconds', created_at), id) < ($3::timestamptz, $4::uuid))
        ORDER BY date_trunc('milliseconds', created_at) DESC, id DESC LIMIT $5`,
      [tenantId, planId, after?.createdAt ?? null, after?.id ?? null, limit],
    );
  }

  /** By agent then start; `after`: (agent, start ms) of the previous page's last row; null limit: all. */
  async readActivities(tenantId: string, id: string, after: { agentId: string; startMs: number } | null, limit: number | null): Promise<ActivityRow[]> {
    return this.db.query(
      `SELECT agent_id AS "agentId", team, channel_codes AS "channelCodes", activity, start_at AS "startAt", end_at AS "endAt"
         FROM schedule_scenario_activities
        WHERE tenant_id = $1 AND scenario_id = $2 AND ($3::text IS NULL OR (agent_id COLLATE "C", start_at) > ($3::text COLLATE "C", $4::timestamptz))
        ORDER BY agent_id COLLATE "C", start_at LIMIT $5`,
      [tenantId, id, after?.agentId ?? null, after ? new Date(after.startMs) : null, limit],
    );
  }

  async readCoverage(tenantId: string, id: string, fromMs: number, toMs: number, afterMs: number | null, limit: number | null): Promise<CoverageRow[]> {
    return this.db.query(
      `SELECT interval_start AS "intervalStart", required_agents AS "requiredAgents", on_phone_agents AS "onPhoneAgents",
              under_agents AS "underAgents", over_agents AS "overAgents", service_level AS "serviceLevel", asa_seconds AS "asaSeconds"
         FROM schedule_scenario_intervals
        WHERE tenant_id = $1 AND scenario_id = $2 AND interval_start >= $3 AND interval_start < $4 AND ($5::timestamptz IS NULL OR interval_start > $5)
        ORDER BY interval_start LIMIT $6`,
      [tenantId, id, new Date(fromMs), new Date(toMs), afterMs === null ? null : new Date(afterMs), limit],
    );
  }

  async markPublished(tenantId: string, id: string, uploadId: string | null): Promise<Date> {
    // TypeORM answers an UPDATE with [rows, affectedCount].
    const [rows]: [Array<{ at: Date }>, number] = await this.db.query(
      `UPDATE schedule_scenarios SET status = 'published', published_at = coalesce(published_at, now()), publish_upload_id = $3
        WHERE tenant_id = $1 AND id = $2 RETURNING published_at AS at`,
      [tenantId, id, uploadId],
    );
    return rows[0].at;
  }
}
