import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { PlanChannelSettingsDto } from './dto/plan.dto.js';
import type { StaffingTotalsDto } from './dto/staffing-response.dto.js';

export interface PlanRow {
  id: string;
  label: string;
  forecastVersionId: string;
  model: string;
  serviceLevelDefinition: string;
  settings: PlanChannelSettingsDto[];
  intervalCount: number;
  firstIntervalStart: Date | null;
  lastIntervalStart: Date | null;
  totals: StaffingTotalsDto;
  createdAt: Date;
  createdByKeyName: string | null;
}

/** Plan interval columns, one entry per interval, ready for `unnest`. */
export interface PlanIntervalColumns {
  channelId: number[];
  intervalStart: Date[];
  volume: number[];
  ahtSeconds: number[];
  shrinkage: number[];
  agents: number[];
  agentsFractional: Array<number | null>;
  requiredWithShrinkage: number[];
  serviceLevel: Array<number | null>;
  asaSeconds: Array<number | null>;
  waitProbability: Array<number | null>;
  occupancy: Array<number | null>;
  abandonRate: Array<number | null>;
  blockingProbability: Array<number | null>;
  binding: string[];
  warnings: number[];
}

export interface PlanIntervalRow {
  intervalStart: Date;
  volume: number;
  ahtSeconds: number;
  shrinkage: number;
  agents: number;
  agentsFractional: number | null;
  requiredWithShrinkage: number;
  serviceLevel: number | null;
  asaSeconds: number | null;
  waitProbability: number | null;
  occupancy: number | null;
  abandonRate: number | null;
  blockingProbability: number | null;
  binding: string;
  warnings: number;
}

const PLAN_COLUMNS = `id, label, forecast_version_id AS "forecastVersionId", model,
  service_level_definition AS "serviceLevelDefinition", settings, interval_count AS "intervalCount",
  first_interval_start AS "firstIntervalStart", last_interval_start AS "lastIntervalStart", totals,
  created_at AS "createdAt", created_by_key_name AS "createdByKeyName"`;

/** Rows written per INSERT … SELECT FROM unnest(…) statement. */
const CHUNK = 20_000;

@Injectable()
export class PlansRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  async insertPlan(
    manager: EntityManager,
    tenantId: string,
    plan: Omit<PlanRow, 'createdAt'> & { channelCodes: string[]; createdByKeyId: string },
  ): Promise<Date> {
    const rows: Array<{ createdAt: Date }> = await manager.query(
      `INSERT INTO staffing_plans (tenant_id, id, label, forecast_version_id, model, service_level_definition,
         channel_codes, settings, interval_count, first_interval_start, last_interval_start, totals,
         created_by_key_id, created_by_key_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING created_at AS "createdAt"`,
      [
        tenantId, plan.id, plan.label, plan.forecastVersionId, plan.model, plan.serviceLevelDefinition,
        plan.channelCodes, JSON.stringify(plan.settings), plan.intervalCount, plan.firstIntervalStart,
        plan.lastIntervalStart, JSON.stringify(plan.totals), plan.createdByKeyId, plan.createdByKeyName,
      ],
    );
    return (rows[0]).createdAt;
  }

  async insertIntervals(manager: EntityManager, tenantId: string, planId: string, c: PlanIntervalColumns): Promise<void> {
    for (let from = 0; from < c.channelId.length; from += CHUNK) {
      const to = Math.min(c.channelId.length, from + CHUNK);
      const cut = <T>(a: T[]): T[] => a.slice(from, to);
      await manager.query(
        `INSERT INTO staffing_plan_intervals (tenant_id, plan_id, channel_id, interval_start, volume, aht_seconds,
           shrinkage, agents, agents_fractional, required_with_shrinkage, service_level, asa_seconds, wait_probability,
           occupancy, abandon_rate, blocking_probability, binding, warnings)
         SELECT $1, $2, * FROM unnest($3::int[], $4::timestamptz[], $5::float8[], $6::float8[], $7::float8[],
           $8::int[], $9::float8[], $10::int[], $11::float8[], $12::float8[], $13::float8[], $14::float8[],
           $15::float8[], $16::float8[], $17::text[], $18::smallint[])`,
        [
          tenantId, planId, cut(c.channelId), cut(c.intervalStart), cut(c.volume), cut(c.ahtSeconds),
          cut(c.shrinkage), cut(c.agents), cut(c.agentsFractional), cut(c.requiredWithShrinkage), cut(c.serviceLevel),
          cut(c.asaSeconds), cut(c.waitProbability), cut(c.occupancy), cut(c.abandonRate),
          cut(c.blockingProbability), cut(c.binding), cut(c.warnings),
        ],
      );
    }
  }

  async find(tenantId: string, id: string): Promise<PlanRow | null> {
    const rows: PlanRow[] = await this.db.query(`SELECT ${PLAN_COLUMNS} FROM staffing_plans WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
    return rows[0] ?? null;
  }

  /** Newest first; `after` is the (createdAt, id) of the last row of the previous page. */
  async list(tenantId: string, limit: number, after: { createdAt: string; id: string } | null): Promise<PlanRow[]> {
    return this.db.query(
      `SELECT ${PLAN_COLUMNS} FROM staffing_plans WHERE tenant_id = $1
         AND ($2::timestamptz IS NULL OR (created_at, id) < ($2::timestamptz, $3::uuid))
       ORDER BY created_at DESC, id DESC LIMIT $4`,
      [tenantId, after?.createdAt ?? null, after?.id ?? null, limit],
    );
  }

  async fetchIntervals(
    tenantId: string,
    planId: string,
    channelId: number,
    fromMs: number,
    toMs: number,
    afterMs: number | null,
    limit: number,
  ): Promise<PlanIntervalRow[]> {
    return this.db.query(
      `SELECT interval_start AS "intervalStart", volume, aht_seconds AS "ahtSeconds", shrinkage, agents,
              agents_fractional AS "agentsFractional", required_with_shrinkage AS "requiredWithShrinkage",
              service_level AS "serviceLevel", asa_seconds AS "asaSeconds", wait_probability AS "waitProbability",
              occupancy, abandon_rate AS "abandonRate", blocking_probability AS "blockingProbability", binding, warnings
         FROM staffing_plan_intervals
        WHERE tenant_id = $1 AND plan_id = $2 AND channel_id = $3
          AND interval_start >= $4 AND interval_start < $5 AND ($6::timestamptz IS NULL OR interval_start > $6)
        ORDER BY interval_start LIMIT $7`,
      [tenantId, planId, channelId, new Date(Math.max(fromMs, -8.64e15)), new Date(Math.min(toMs, 8.64e15)), afterMs === null ? null : new Date(afterMs), limit],
    );
  }

  async delete(tenantId: string, id: string): Promise<boolean> {
    // TypeORM answers a DELETE with [rows, affectedCount].
    const [, affected]: [unknown[], number] = await this.db.query('DELETE FROM staffing_plans WHERE tenant_id = $1 AND id = $2', [tenantId, id]);
    return affected > 0;
  }
}
