import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { StateColumnsDecoder, type StateColumns } from './state-columns-decoder.js';

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

/** Agents with one span each, in seconds since the epoch (parallel arrays, for unnest). */
export interface AgentSpans {
  agents: string[];
  loSeconds: number[];
  hiSeconds: number[];
}

/** One agent of the roster. */
export interface AgentRow {
  agentId: string;
  team: string | null;
  channelCodes: string[];
}

/** An empty binary COPY stream (header and trailer). */
const EMPTY_COPY = Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8), Buffer.from([0xff, 0xff])]);

/** Epoch seconds of epoch milliseconds, refusing anything but a finite number (it is written into SQL). */
function seconds(ms: number): number {
  if (!Number.isFinite(ms)) throw new RangeError(`not an instant: ${ms}`);
  return ms / 1000;
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

  /** The tenant's longest stored agent state in seconds (0: no state stored). */
  async maxStateSeconds(client: PoolClient, tenantId: string): Promise<number> {
    const { rows } = await client.query<{ s: number }>('SELECT max_state_seconds AS s FROM adherence_state_extent WHERE tenant_id = $1', [tenantId]);
    return rows[0]?.s ?? 0;
  }

  /**
   * After a large upload, does what autovacuum would do a minute later: summarizes the new block
   * ranges of the BRIN index (unsummarized ranges match every range query) and refreshes the
   * planner's statistics (reads right after a bulk load otherwise plan for an empty table and
   * walk the whole primary key). Runs outside the upload's transaction.
   */
  /**
   * Whether the agent states' planner statistics are missing or stale (never analyzed, or more
   * rows changed since than there were): a read would then plan for a handful of rows (nested
   * loops over thousands of states).
   */
  async statesStatisticsStale(): Promise<boolean> {
    const rows: Array<{ stale: boolean }> = await this.dataSource.query(
      `SELECT (last_analyze IS NULL AND last_autoanalyze IS NULL) OR n_mod_since_analyze > greatest(n_live_tup - n_mod_since_analyze, 0) AS stale
         FROM pg_stat_user_tables WHERE relid = 'agent_states'::regclass`,
    );
    return rows[0]?.stale ?? true;
  }

  async analyzeStates(): Promise<void> {
    await this.dataSource.query(`SELECT brin_summarize_new_values('agent_states_range'::regclass)`);
    await this.dataSource.query('ANALYZE agent_states');
  }

  /** Raises the tenant's longest stored state to `seconds` when it is longer. */
  async raiseMaxStateSeconds(client: PoolClient, tenantId: string, seconds: number): Promise<void> {
    if (!(seconds > 0)) return;
    await client.query(
      `INSERT INTO adherence_state_extent (tenant_id, max_state_seconds) VALUES ($1, $2)
       ON CONFLICT (tenant_id) DO UPDATE SET max_state_seconds = greatest(adherence_state_extent.max_state_seconds, excluded.max_state_seconds)`,
      [tenantId, seconds],
    );
  }

  /**
   * Deletes the stored states of each agent overlapping its span, except the rows of upload
   * `keepUploadId`. The primary key is walked from `span.lo − storedMaxSeconds` (no stored
   * state is longer) to `span.hi`: one short range per agent, never the agent's whole history.
   */
  async deleteStatesInSpans(client: PoolClient, tenantId: string, keepUploadId: string, spans: AgentSpans, storedMaxSeconds: number): Promise<number> {
    if (!spans.agents.length || !(storedMaxSeconds > 0)) return 0;
    const { rows } = await client.query<{ n: number }>(
      `WITH gone AS (
         DELETE FROM agent_states a USING unnest($2::text[], $3::float8[], $4::float8[]) AS span(agent_id, lo, hi)
          WHERE a.tenant_id = $1 AND a.agent_id = span.agent_id AND a.start_at < to_timestamp(span.hi)
            AND a.start_at >= to_timestamp(span.lo - $5) AND a.end_at > to_timestamp(span.lo) AND a.upload_id <> $6 RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [tenantId, spans.agents, spans.loSeconds, spans.hiSeconds, storedMaxSeconds, keepUploadId],
    );
    return rows[0].n;
  }

  /**
   * Merges one staged chunk of state segments: deletes the stored states the chunk replaces
   * (its span of each agent), then inserts the chunk. A primary-key clash can only come from
   * two rows of this upload with the same agent and start (stored ones in the span are gone):
   * the chunk is undone (savepoint) and 'conflict' returned, for the overlap check to name.
   */
  async mergeStateChunk(client: PoolClient, tenantId: string, uploadId: string, table: string, spans: AgentSpans, storedMaxSeconds: number): Promise<{ inserted: number; replaced: number } | 'conflict'> {
    await client.query('SAVEPOINT adherence_chunk');
    try {
      const replaced = await this.deleteStatesInSpans(client, tenantId, uploadId, spans, storedMaxSeconds);
      const out = await client.query(
        `INSERT INTO agent_states (tenant_id, agent_id, start_at, end_at, state, upload_id, line)
         SELECT $1, agent_id, start_at, end_at, state, $2, line FROM ${table}`,
        [tenantId, uploadId],
      );
      await client.query('RELEASE SAVEPOINT adherence_chunk');
      return { inserted: out.rowCount ?? 0, replaced };
    } catch (error) {
      if ((error as { code?: string }).code !== '23505') throw error;
      await client.query('ROLLBACK TO SAVEPOINT adherence_chunk');
      return 'conflict';
    }
  }

  /**
   * Replaces agent states given as events: each is closed by the agent's next event, the last
   * by the latest event of the upload (a final event at that instant lasts nothing and is
   * dropped); stored states of each agent overlapping the span the upload covers for that agent
   * are deleted first.
   */
  async replaceStateEvents(client: PoolClient, tenantId: string, uploadId: string, tables: readonly string[]): Promise<{ agents: number; segments: number; replacedRows: number; from: Date | null; to: Date | null }> {
    const staged = union(tables, STATE_STAGING_COLUMNS);
    await client.query(`
      CREATE TEMP TABLE adherence_state_events ON COMMIT DROP AS
      SELECT line, agent_id, state, start_at, end_at FROM (
        SELECT line, agent_id, state, start_at, coalesce(lead(start_at) OVER w, max(start_at) OVER ()) AS end_at
          FROM (${staged}) s WINDOW w AS (PARTITION BY agent_id ORDER BY start_at, line)) x
       WHERE end_at > start_at`);
    const { rows: spanRows } = await client.query<{ agents: string[]; lo: number[]; hi: number[]; longest: number | null; from: Date | null; to: Date | null }>(
      `SELECT array_agg(agent_id) AS agents, array_agg(lo) AS lo, array_agg(hi) AS hi, max(longest) AS longest,
              to_timestamp(min(lo)) AS "from", to_timestamp(max(hi)) AS "to"
         FROM (SELECT agent_id, extract(epoch FROM min(start_at))::float8 AS lo, extract(epoch FROM max(end_at))::float8 AS hi,
                      max(extract(epoch FROM end_at - start_at))::float8 AS longest
                 FROM adherence_state_events GROUP BY agent_id) x`,
    );
    const span = spanRows[0];
    const stored = await this.maxStateSeconds(client, tenantId);
    const replacedRows = span.agents ? await this.deleteStatesInSpans(client, tenantId, uploadId, { agents: span.agents, loSeconds: span.lo, hiSeconds: span.hi }, stored) : 0;
    const inserted = await client.query(
      `INSERT INTO agent_states (tenant_id, agent_id, start_at, end_at, state, upload_id, line)
       SELECT $1, agent_id, start_at, end_at, state, $2, line FROM adherence_state_events`,
      [tenantId, uploadId],
    );
    await this.raiseMaxStateSeconds(client, tenantId, span.longest ?? 0);
    return { agents: span.agents?.length ?? 0, segments: inserted.rowCount ?? 0, replacedRows, from: span.from, to: span.to };
  }

  /**
   * Scheduled activities of shifts starting in [fromMs, toMs), by agent and start. Instants are
   * read as epoch numbers (parsing timestamptz text is most of the cost of 300,000 rows).
   */
  async readSchedules(tenantId: string, fromMs: number, toMs: number): Promise<ScheduleRow[]> {
    const rows: Array<{ agentId: string; team: string | null; channels: string; activity: string; s: number; e: number; sh: number }> = await this.dataSource.query(
      `SELECT agent_id AS "agentId", team, array_to_string(channel_codes, '|') AS channels, activity,
              date_part('epoch', start_at) AS s, date_part('epoch', end_at) AS e, date_part('epoch', shift_start) AS sh
         FROM schedule_activities WHERE tenant_id = $1 AND shift_start >= $2 AND shift_start < $3 ORDER BY agent_id, start_at`,
      [tenantId, new Date(fromMs), new Date(toMs)],
    );
    const codes = new Map<string, string[]>();
    return rows.map((r) => {
      let channelCodes = codes.get(r.channels);
      if (!channelCodes) codes.set(r.channels, (channelCodes = r.channels === '' ? [] : r.channels.split('|')));
      return {
        agentId: r.agentId, team: r.team, channelCodes, activity: r.activity,
        startAt: new Date(Math.round(r.s * 1000)), endAt: new Date(Math.round(r.e * 1000)), shiftStart: new Date(Math.round(r.sh * 1000)),
      };
    });
  }

  /** Scheduled activities overlapping [fromMs, toMs). */
  readSchedulesOverlapping(tenantId: string, fromMs: number, toMs: number): Promise<ScheduleRow[]> {
    return this.dataSource.query(
      `SELECT agent_id AS "agentId", team, channel_codes AS "channelCodes", activity, start_at AS "startAt", end_at AS "endAt", shift_start AS "shiftStart"
         FROM schedule_activities WHERE tenant_id = $1 AND start_at < $3 AND end_at > $2 ORDER BY agent_id, start_at`,
      [tenantId, new Date(fromMs), new Date(toMs)],
    );
  }

  /**
   * Agent states overlapping [fromMs, toMs) of the given agents, as columns: `agent` is the
   * index in `agentIds`, `code` the index in `stateCodes` (states of other codes are left out),
   * in no order (the kernels sort). One primary-key range per agent, from `fromMs` less the
   * tenant's longest state; the rows come as a binary COPY decoded straight into typed arrays.
   */
  async readStateColumns(tenantId: string, fromMs: number, toMs: number, agentIds: readonly string[], stateCodes: readonly string[]): Promise<StateColumns> {
    const decoder = new StateColumnsDecoder(1024);
    if (!agentIds.length || !stateCodes.length) {
      decoder.push(EMPTY_COPY);
      return decoder.columns();
    }
    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    try {
      await client.query('BEGIN');
      const maxSeconds = await this.maxStateSeconds(client, tenantId);
      if (maxSeconds === 0) {
        decoder.push(EMPTY_COPY);
      } else {
        await client.query(`CREATE TEMP TABLE adherence_read_agents ON COMMIT DROP AS SELECT agent_id, (i - 1)::int AS idx FROM unnest($1::text[]) WITH ORDINALITY AS x(agent_id, i)`, [agentIds]);
        await client.query(`CREATE TEMP TABLE adherence_read_codes ON COMMIT DROP AS SELECT state, (i - 1)::int AS idx FROM unnest($1::text[]) WITH ORDINALITY AS x(state, i)`, [stateCodes]);
        await client.query('ANALYZE adherence_read_agents, adherence_read_codes');
        // COPY takes no parameters: the tenant is quoted, the bounds are finite numbers.
        const [from, to] = [seconds(fromMs), seconds(toMs)];
        const copy = client.query(copyTo(
          `COPY (SELECT r.idx, c.idx, a.start_at, a.end_at
                   FROM adherence_read_agents r
                   JOIN agent_states a ON a.tenant_id = ${client.escapeLiteral(tenantId)}::uuid AND a.agent_id = r.agent_id
                    AND a.start_at >= to_timestamp(${from - maxSeconds}) AND a.start_at < to_timestamp(${to}) AND a.end_at > to_timestamp(${from})
                   JOIN adherence_read_codes c ON c.state = a.state) TO STDOUT (FORMAT binary)`,
        ));
        for await (const chunk of copy) decoder.push(chunk as Buffer);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
    return decoder.columns();
  }

  /**
   * Headcount seconds per channel and interval, aggregated in SQL (nothing but the totals leaves
   * the database, whatever the range): for each channel grid (`first` edge and `step` in
   * seconds, `buckets` intervals), Σ weight × seconds inside the interval of
   * - `scheduled`: schedule rows overlapping [from, to) whose activity is in `productiveActivities`;
   * - `staffed`, `busy`, `idle`: agent states overlapping [from, to) of roster agents whose state
   *   is in the matching list;
   * where the weight of a row on one of its channels is 1 / (how many of its channels, schedule
   * row's or roster agent's, are in `knownChannels`): the share of spreadAcrossChannels. Segments
   * are clipped to the grid like accumulateIntervalSeconds. Also counts the schedule rows and the
   * roster agents' states of known codes (`knownStates`) overlapping [from, to).
   */
  async headcountSeconds(
    tenantId: string,
    fromMs: number,
    toMs: number,
    grids: ReadonlyArray<{ code: string; firstSeconds: number; stepSeconds: number; buckets: number }>,
    knownChannels: readonly string[],
    productiveActivities: readonly string[],
    states: { known: readonly string[]; productive: readonly string[]; busy: readonly string[]; idle: readonly string[] },
    zones: readonly string[],
  ): Promise<{
    cells: Array<{ code: string; bucket: number; scheduled: number; staffed: number; busy: number; idle: number }>;
    schedules: number;
    states: number;
    /** Local days (in the grid channel's zone, as day numbers since 1970-01-01) that hold a schedule of the channel, or an agent state of its agents. */
    scheduleDays: Array<{ code: string; day: number }>;
    stateDays: Array<{ code: string; day: number }>;
  }> {
    const rows: Array<{ code: string | null; bucket: number | null; scheduled: number; staffed: number; busy: number; idle: number; schedules: number; states: number; kind: number }> = await this.dataSource.query(
      `WITH grid AS (SELECT * FROM unnest($4::text[], $5::float8[], $6::float8[], $7::int[]) AS g(code, first, step, buckets)),
       sch AS MATERIALIZED (
         SELECT s.activity, s.channel_codes, date_part('epoch', s.start_at) AS s, date_part('epoch', s.end_at) AS e
           FROM schedule_activities s WHERE s.tenant_id = $1 AND s.start_at < $3 AND s.end_at > $2),
       roster AS MATERIALIZED (
         SELECT r.agent_id, k.codes, k.n FROM adherence_agents r
           CROSS JOIN LATERAL (SELECT array_agg(x) AS codes, count(*)::int AS n FROM unnest(r.channel_codes) x WHERE x = ANY($8)) k
          WHERE r.tenant_id = $1),
       -- The states of the roster's agents read once, a day beyond the range on either side (for the coverage of its days).
       stw AS MATERIALIZED (
         SELECT a.state, ro.codes, ro.n, a.start_at, a.end_at
           FROM roster ro JOIN agent_states a ON a.tenant_id = $1 AND a.agent_id = ro.agent_id
            AND a.start_at >= $2::timestamptz - interval '1 day' - make_interval(secs => coalesce((SELECT max_state_seconds FROM adherence_state_extent WHERE tenant_id = $1), 0))
            AND a.start_at < $3::timestamptz + interval '1 day' AND a.end_at > $2::timestamptz - interval '1 day'
          WHERE a.state = ANY($10)),
       st AS MATERIALIZED (
         SELECT state, codes, n, date_part('epoch', start_at) AS s, date_part('epoch', end_at) AS e FROM stw WHERE start_at < $3 AND end_at > $2),
       seg AS (
         SELECT 0 AS kind, sch.activity AS code, c.code AS channel, 1.0::float8 / k.n AS w, sch.s, sch.e FROM sch
           CROSS JOIN LATERAL (SELECT count(*)::int AS n FROM unnest(sch.channel_codes) x WHERE x = ANY($8)) k
           CROSS JOIN LATERAL unnest(sch.channel_codes) AS c(code)
          WHERE sch.activity = ANY($9) AND k.n > 0 AND c.code = ANY($4)
         UNION ALL
         SELECT 1, st.state, c.code, 1.0::float8 / st.n, st.s, st.e FROM st CROSS JOIN LATERAL unnest(st.codes) AS c(code)
          WHERE st.n > 0 AND c.code = ANY($4)),
       piece AS (
         SELECT seg.kind, seg.code, g.code AS channel, b,
                seg.w * (least(seg.e, g.first + (b + 1) * g.step) - greatest(seg.s, g.first + b * g.step)) AS ws
           FROM seg JOIN grid g ON g.code = seg.channel
          CROSS JOIN LATERAL generate_series(greatest(0, floor((seg.s - g.first) / g.step))::int,
                                             least(g.buckets - 1, ceil((seg.e - g.first) / g.step)::int - 1)) AS b),
       cells AS (
         SELECT channel, b,
                coalesce(sum(ws) FILTER (WHERE kind = 0), 0) AS scheduled,
                coalesce(sum(ws) FILTER (WHERE kind = 1 AND code = ANY($11)), 0) AS staffed,
                coalesce(sum(ws) FILTER (WHERE kind = 1 AND code = ANY($12)), 0) AS busy,
                coalesce(sum(ws) FILTER (WHERE kind = 1 AND code = ANY($13)), 0) AS idle
           FROM piece WHERE ws > 0 GROUP BY channel, b),
       chz AS (SELECT * FROM unnest($4::text[], $14::text[]) AS z(code, tz)),
       -- Coverage: the local days of each channel that hold a schedule of the channel (by its shifts' start) or an
       -- agent state of its agents, read a day beyond the range on either side (a day's shifts may start outside it).
       sday AS (
         SELECT DISTINCT z.code, (s.shift_start AT TIME ZONE z.tz)::date - DATE '1970-01-01' AS day
           FROM schedule_activities s CROSS JOIN LATERAL unnest(s.channel_codes) AS c(code) JOIN chz z ON z.code = c.code
          WHERE s.tenant_id = $1 AND s.start_at >= $2::timestamptz - interval '3 days' AND s.start_at < $3::timestamptz + interval '2 days'),
       stday AS (
         SELECT DISTINCT z.code, d::date - DATE '1970-01-01' AS day
           FROM stw CROSS JOIN LATERAL unnest(stw.codes) AS c(code) JOIN chz z ON z.code = c.code
           CROSS JOIN LATERAL generate_series((stw.start_at AT TIME ZONE z.tz)::date, ((stw.end_at - interval '1 microsecond') AT TIME ZONE z.tz)::date, interval '1 day') AS d)
       SELECT channel AS code, b AS bucket, scheduled, staffed, busy, idle, 0 AS schedules, 0 AS states, 0 AS kind FROM cells
       UNION ALL
       SELECT code, day, 0, 0, 0, 0, 0, 0, 1 FROM sday
       UNION ALL
       SELECT code, day, 0, 0, 0, 0, 0, 0, 2 FROM stday
       UNION ALL
       SELECT NULL, NULL, 0, 0, 0, 0, (SELECT count(*)::int FROM sch), (SELECT count(*)::int FROM st), 3`,
      [
        tenantId, new Date(fromMs), new Date(toMs),
        grids.map((g) => g.code), grids.map((g) => g.firstSeconds), grids.map((g) => g.stepSeconds), grids.map((g) => g.buckets),
        knownChannels, productiveActivities, states.known, states.productive, states.busy, states.idle, zones,
      ],
    );
    const totals = rows.find((r) => r.kind === 3)!;
    const days = (kind: number): Array<{ code: string; day: number }> => rows.filter((r) => r.kind === kind).map((r) => ({ code: r.code!, day: r.bucket! }));
    return {
      cells: rows.filter((r) => r.kind === 0).map((r) => ({ code: r.code!, bucket: r.bucket!, scheduled: r.scheduled, staffed: r.staffed, busy: r.busy, idle: r.idle })),
      schedules: totals.schedules,
      states: totals.states,
      scheduleDays: days(1),
      stateDays: days(2),
    };
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
