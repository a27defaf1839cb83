import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';

/** Staging columns of a schedule upload (what COPY writes, in order). */
export const SCHEDULE_STAGING_COLUMNS = 'line, agent_id, team, channels, activity, start_at, end_at, time_zone';
export const SCHEDULE_STAGING_DDL = 'line integer, agent_id text, team text, channels text, activity text, start_at timestamptz, end_at timestamptz, time_zone text';
/** Staging columns of an agent-state upload; end_at is null for the event form (`at`). */
export const STATE_STAGING_COLUMNS = 'line, agent_id, state, start_at, end_at';
export const STATE_STAGING_DDL = 'line integer, agent_id text, state text, start_at timestamptz, end_at timestamptz';

/** Two staged rows of one agent that overlap (or, for events, share an instant). */
export interface StagedConflict {
  line: number;
  otherLine: number;
  agentId: string;
  startAt: Date;
  total: number;
}

/** One stored scheduled activity. */
export interface ScheduleRow {
  agentId: string;
  team: string | null;
  channelCodes: string[];
  activity: string;
  startAt: Date;
  endAt: Date;
  shiftStart: Date;
}

/** One stored agent state; instants in seconds since the epoch (cheaper to read than Dates). */
export interface StateRow {
  agentId: string;
  state: string;
  start: number;
  end: number;
}

/** One agent of the roster. */
export interface AgentRow {
  agentId: string;
  team: string | null;
  channelCodes: string[];
}

const union = (tables: readonly string[], columns: string): string => tables.map((t) => `SELECT ${columns} FROM ${t}`).join(' UNION ALL ');

/** Schedules, agent states, the agent roster and the adherence settings. */
@Injectable()
export class AdherenceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async readSettings(tenantId: string): Promise<unknown> {
    const rows: Array<{ settings: unknown }> = await this.dataSource.query('SELECT settings FROM adherence_settings WHERE tenant_id = $1', [tenantId]);
    return rows[0]?.settings ?? null;
  }

  async writeSettings(tenantId: string, settings: unknown): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO adherence_settings (tenant_id, settings) VALUES ($1, $2)
       ON CONFLICT (tenant_id) DO UPDATE SET settings = excluded.settings, updated_at = now()`,
      [tenantId, JSON.stringify(settings)],
    );
  }

  /** Staged rows of one agent whose time overlaps the previous row of that agent (by start). */
  async stagedOverlaps(client: PoolClient, tables: readonly string[]): Promise<StagedConflict[]> {
    const { rows } = await client.query<StagedConflict>(
      `SELECT line, prev_line AS "otherLine", agent_id AS "agentId", start_at AS "startAt", (count(*) OVER ())::int AS total
         FROM (SELECT line, agent_id, start_at, lag(end_at) OVER w AS prev_end, lag(line) OVER w AS prev_line
                 FROM (${union(tables, 'line, agent_id, start_at, end_at')}) s
               WINDOW w AS (PARTITION BY agent_id ORDER BY start_at, end_at, line)) x
        WHERE start_at < prev_end ORDER BY line LIMIT 100`,
    );
    return rows;
  }

  /**
   * Replaces schedules: numbers the staged rows into shifts (touching rows of one agent), gives
   * each row its shift's start and that start's local day (in the zone of the shift's first
   * row's first channel), deletes the stored rows of the same (agent, local day) and any stored
   * row of those agents overlapping a new one, inserts the new rows and updates the roster.
   */
  async replaceSchedules(client: PoolClient, tenantId: string, uploadId: string, tables: readonly string[]): Promise<{ agents: number; days: number; replacedRows: number }> {
    await client.query(`
      CREATE TEMP TABLE adherence_new_schedule ON COMMIT DROP AS
      WITH s AS (${union(tables, SCHEDULE_STAGING_COLUMNS)}),
      m AS (SELECT s.*, CASE WHEN start_at <= lag(end_at) OVER w THEN 0 ELSE 1 END AS new_shift
              FROM s WINDOW w AS (PARTITION BY agent_id ORDER BY start_at)),
      g AS (SELECT m.*, sum(new_shift) OVER (PARTITION BY agent_id ORDER BY start_at) AS shift_no FROM m),
      d AS (SELECT g.*, first_value(start_at) OVER sh AS shift_start, first_value(time_zone) OVER sh AS shift_zone
              FROM g WINDOW sh AS (PARTITION BY agent_id, shift_no ORDER BY start_at))
      SELECT line, agent_id, nullif(team, '') AS team,
             CASE WHEN channels = '' THEN '{}'::text[] ELSE string_to_array(channels, '|') END AS channel_codes,
             activity, start_at, end_at, shift_start, (shift_start AT TIME ZONE shift_zone)::date AS local_day
        FROM d`);
    await client.query('ANALYZE adherence_new_schedule');
    // Two joins (not one OR of EXISTS, which would test every stored row against every new one):
    // the same (agent, local day), then any stored row of those agents overlapping a new one.
    const { rows: sameDay } = await client.query<{ n: number }>(
      `WITH gone AS (
         DELETE FROM schedule_activities a USING (SELECT DISTINCT agent_id, local_day FROM adherence_new_schedule) d
          WHERE a.tenant_id = $1 AND a.agent_id = d.agent_id AND a.local_day = d.local_day RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [tenantId],
    );
    const { rows: overlapping } = await client.query<{ n: number }>(
      `WITH gone AS (
         DELETE FROM schedule_activities a USING adherence_new_schedule n
          WHERE a.tenant_id = $1 AND a.agent_id = n.agent_id AND a.start_at < n.end_at AND a.end_at > n.start_at RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [tenantId],
    );
    const gone = [{ n: sameDay[0].n + overlapping[0].n }];
    await client.query(
      `INSERT INTO schedule_activities (tenant_id, agent_id, start_at, end_at, activity, team, channel_codes, shift_start, local_day, upload_id, line)
       SELECT $1, agent_id, start_at, end_at, activity, team, channel_codes, shift_start, local_day, $2, line FROM adherence_new_schedule`,
      [tenantId, uploadId],
    );
    await client.query(
      `INSERT INTO adherence_agents (tenant_id, agent_id, team, channel_codes)
       SELECT DISTINCT ON (agent_id) $1, agent_id, team, channel_codes FROM adherence_new_schedule
        WHERE cardinality(channel_codes) > 0 ORDER BY agent_id, start_at DESC
       ON CONFLICT (tenant_id, agent_id) DO UPDATE SET team = excluded.team, channel_codes = excluded.channel_codes, updated_at = now()`,
      [tenantId],
    );
    const { rows } = await client.query<{ agents: number; days: number }>(
      'SELECT count(DISTINCT agent_id)::int AS agents, count(DISTINCT (agent_id, local_day))::int AS days FROM adherence_new_schedule',
    );
    return { agents: rows[0].agents, days: rows[0].days, replacedRows: gone[0].n };
  }

  /** Event form: two events of one agent at the same instant (the first would last 0 s). */
  async stagedSameInstants(client: PoolClient, tables: readonly string[]): Promise<StagedConflict[]> {
    const { rows } = await client.query<StagedConflict>(
      `SELECT line, prev_line AS "otherLine", agent_id AS "agentId", start_at AS "startAt", (count(*) OVER ())::int AS total
         FROM (SELECT line, agent_id, start_at, lag(start_at) OVER w AS prev_at, lag(line) OVER w AS prev_line
                 FROM (${union(tables, 'line, agent_id, start_at')}) s
               WINDOW w AS (PARTITION BY agent_id ORDER BY start_at, line)) x
        WHERE start_at = prev_at ORDER BY line LIMIT 100`,
    );
    return rows;
  }

  /**
   * Replaces agent states: events are closed by the agent's next event, the last by the latest
   * event of the upload (a final event at that instant lasts nothing and is dropped); stored
   * states of each agent overlapping the span the upload covers for that agent are deleted.
   */
  async replaceStates(client: PoolClient, tenantId: string, uploadId: string, tables: readonly string[], form: 'segments' | 'events'): Promise<{ agents: number; segments: number; replacedRows: number; from: Date | null; to: Date | null }> {
    const staged = union(tables, STATE_STAGING_COLUMNS);
    // Each agent's span: from its first start to its last end (events: to the end of the log).
    await client.query(`
      CREATE TEMP TABLE adherence_state_spans ON COMMIT DROP AS
      SELECT * FROM (SELECT agent_id, min(start_at) AS lo, coalesce(max(end_at), max(max(start_at)) OVER ()) AS hi
                       FROM (${staged}) s GROUP BY agent_id) x
       WHERE hi > lo`);
    const { rows: gone } = await client.query<{ n: number }>(
      `WITH gone AS (DELETE FROM agent_states a USING adherence_state_spans span WHERE a.tenant_id = $1 AND a.agent_id = span.agent_id
                   AND a.start_at < span.hi AND a.end_at > span.lo RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [tenantId],
    );
    // Segments are inserted as staged; events need their ends (a sort by agent and instant).
    const inserted = await client.query(
      form === 'segments'
        ? `INSERT INTO agent_states (tenant_id, agent_id, start_at, end_at, state, upload_id, line)
           SELECT $1, agent_id, start_at, end_at, state, $2, line FROM (${staged}) s`
        : `INSERT INTO agent_states (tenant_id, agent_id, start_at, end_at, state, upload_id, line)
           SELECT $1, agent_id, start_at, end_at, state, $2, line FROM (
             SELECT line, agent_id, state, start_at, coalesce(lead(start_at) OVER w, max(start_at) OVER ()) AS end_at
               FROM (${staged}) s WINDOW w AS (PARTITION BY agent_id ORDER BY start_at, line)) x
            WHERE end_at > start_at`,
      [tenantId, uploadId],
    );
    const { rows } = await client.query<{ agents: number; from: Date | null; to: Date | null }>(
      'SELECT count(*)::int AS agents, min(lo) AS "from", max(hi) AS "to" FROM adherence_state_spans',
    );
    return { ...rows[0], segments: inserted.rowCount ?? 0, replacedRows: gone[0].n };
  }

  /** Scheduled activities of shifts starting in [fromMs, toMs), by agent and start. */
  readSchedules(tenantId: string, fromMs: number, toMs: number): Promise<ScheduleRow[]> {
    return this.dataSource.query(
      `SELECT agent_id AS "agentId", team, channel_codes AS "channelCodes", activity, start_at AS "startAt", end_at AS "endAt", shift_start AS "shiftStart"
         FROM schedule_activities WHERE tenant_id = $1 AND shift_start >= $2 AND shift_start < $3 ORDER BY agent_id, start_at`,
      [tenantId, new Date(fromMs), new Date(toMs)],
    );
  }

  /** Scheduled activities overlapping [fromMs, toMs). */
  readSchedulesOverlapping(tenantId: string, fromMs: number, toMs: number): Promise<ScheduleRow[]> {
    return this.dataSource.query(
      `SELECT agent_id AS "agentId", team, channel_codes AS "channelCodes", activity, start_at AS "startAt", end_at AS "endAt", shift_start AS "shiftStart"
         FROM schedule_activities WHERE tenant_id = $1 AND start_at < $3 AND end_at > $2 ORDER BY agent_id, start_at`,
      [tenantId, new Date(fromMs), new Date(toMs)],
    );
  }

  /** Agent states overlapping [fromMs, toMs), of some agents or all (null); in no order (the kernels sort). */
  readStates(tenantId: string, fromMs: number, toMs: number, agents: readonly string[] | null): Promise<StateRow[]> {
    return this.dataSource.query(
      `SELECT agent_id AS "agentId", state, extract(epoch FROM start_at)::float8 AS start, extract(epoch FROM end_at)::float8 AS "end"
         FROM agent_states WHERE tenant_id = $1 AND start_at < $3 AND end_at > $2 AND ($4::text[] IS NULL OR agent_id = ANY($4))`,
      [tenantId, new Date(fromMs), new Date(toMs), agents],
    );
  }

  readAgents(tenantId: string): Promise<AgentRow[]> {
    return this.dataSource.query(
      'SELECT agent_id AS "agentId", team, channel_codes AS "channelCodes" FROM adherence_agents WHERE tenant_id = $1 ORDER BY agent_id',
      [tenantId],
    );
  }

  /** Required agents per interval of one channel from the newest plan covering each interval. */
  readRequired(tenantId: string, channelId: number, fromMs: number, toMs: number): Promise<Array<{ intervalStart: Date; agents: number }>> {
    return this.dataSource.query(
      `SELECT DISTINCT ON (i.interval_start) i.interval_start AS "intervalStart", i.agents
         FROM staffing_plan_intervals i JOIN staffing_plans p ON p.tenant_id = i.tenant_id AND p.id = i.plan_id
        WHERE i.tenant_id = $1 AND i.channel_id = $2 AND i.interval_start >= $3 AND i.interval_start < $4
        ORDER BY i.interval_start, p.created_at DESC, p.id DESC`,
      [tenantId, channelId, new Date(fromMs), new Date(toMs)],
    );
  }

  /** Answered contacts and their handle seconds per interval of one channel (interval actuals). */
  readVolumes(tenantId: string, channelId: number, fromMs: number, toMs: number): Promise<Array<{ intervalStart: Date; answered: number; handleSeconds: number }>> {
    return this.dataSource.query(
      `SELECT interval_start AS "intervalStart", answered, handle_seconds AS "handleSeconds"
         FROM interval_actuals WHERE tenant_id = $1 AND channel_id = $2 AND interval_start >= $3 AND interval_start < $4`,
      [tenantId, channelId, new Date(fromMs), new Date(toMs)],
    );
  }
}
