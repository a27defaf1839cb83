import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Faster agent-state uploads (issue 6, `adherence-month`).
 *
 * - The B-tree `agent_states_time (tenant_id, start_at)` cost two thirds of a 2.4-million-row
 *   upload (each agent's rows land on pages spread over the whole index). Reads of agent states
 *   now go through the primary key (tenant_id, agent_id, start_at), one range per agent, bounded
 *   below by the tenant's longest stored state; a BRIN index on (start_at, end_at), almost free
 *   to maintain, keeps "any state in this range?" checks cheap (block ranges are summarized by
 *   autovacuum, and right away after a large upload).
 * - `adherence_state_extent` holds that longest state per tenant (seconds). Uploads raise it
 *   inside their transaction; it never shrinks (a bound, not a statistic).
 */
export class AdherenceSpeed1763860000000 implements MigrationInterface {
  name = 'AdherenceSpeed1763860000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS agent_states_time`);
    await q.query(`CREATE INDEX agent_states_range ON agent_states USING brin (start_at, end_at) WITH (autosummarize = on)`);
    await q.query(`
      CREATE TABLE adherence_state_extent (
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        max_state_seconds double precision NOT NULL,
        PRIMARY KEY (tenant_id)
      )`);
    await q.query(`
      INSERT INTO adherence_state_extent (tenant_id, max_state_seconds)
      SELECT a.tenant_id, max(extract(epoch FROM a.end_at - a.start_at))::float8 FROM agent_states a
        JOIN tenants t ON t.id = a.tenant_id GROUP BY a.tenant_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE adherence_state_extent`);
    await q.query(`DROP INDEX IF EXISTS agent_states_range`);
    await q.query(`CREATE INDEX agent_states_time ON agent_states (tenant_id, start_at)`);
  }
}
