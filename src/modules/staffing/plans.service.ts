import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { volumeAtQuantile } from '../../core/forecasting/volume-at-quantile.js';
import { DEFAULT_SERVICE_LEVEL_DEFINITION } from '../../core/queueing/service-level-definition.js';
import { BINDING_GOALS, type BindingGoal } from '../../core/staffing/staffing-types.js';
import { formatLocalIso } from '../../core/time/format-local-iso.js';
import { formatUtcIso } from '../../core/time/format-utc-iso.js';
import { DomainError, notFound, validationFailed, type FieldError } from '../../platform/errors/domain-error.js';
import type { Principal } from '../../platform/auth/principal.js';
import { ChannelsService } from '../channels/channels.service.js';
import { ForecastsService } from '../forecasts/forecasts.service.js';
import { listingChannels, type IntervalQueryDto, type ListingChannel } from '../listing/interval-query.js';
import { cursorInstant, decodeCursor, instantKey, readAll, readPage, type ChannelRows, DEFAULT_LIMIT } from '../listing/paging.js';
import type { Listing, VersionedListing, ListingFormat } from '../listing/send-listing.js';
import type { PlanChannelSettingsDto, PlanCreateDto, PlanIntervalDto, PlanListDto, PlanResponseDto } from './dto/plan.dto.js';
import { allocateResults, channelSettings, checkSettings, goalsOf, nullable } from './staffing-engine.js';
import { StaffingRunner } from './staffing-runner.js';
import { PlansRepository, type PlanIntervalColumns, type PlanIntervalRow, type PlanRow } from './plans.repository.js';
import { warningNames } from './staffing.service.js';

/** One interval of a plan as the scheduling module reads it. */
export interface PlanRequirementRow {
  intervalStart: Date;
  /** Agents on the phones (net of shrinkage). */
  agents: number;
  volume: number;
  ahtSeconds: number;
}

function planIntervalDto(channel: ListingChannel, r: PlanIntervalRow): PlanIntervalDto {
  const ms = r.intervalStart.getTime();
  return {
    channel: channel.code,
    periodStart: formatUtcIso(ms),
    periodStartLocal: formatLocalIso(ms, channel.clock.offsetMinutesAt(ms)),
    volume: r.volume,
    ahtSeconds: r.ahtSeconds,
    shrinkage: r.shrinkage,
    agents: r.agents,
    agentsFractional: r.agentsFractional,
    requiredWithShrinkage: r.requiredWithShrinkage,
    serviceLevel: r.serviceLevel,
    asaSeconds: r.asaSeconds,
    waitProbability: r.waitProbability,
    occupancy: r.occupancy,
    abandonRate: r.abandonRate,
    blockingProbability: r.blockingProbability,
    binding: r.binding as BindingGoal,
    warnings: warningNames(r.warnings),
  };
}

function toResponse(row: PlanRow): PlanResponseDto {
  return {
    id: row.id,
    label: row.label,
    forecastVersionId: row.forecastVersionId,
    model: row.model as PlanResponseDto['model'],
    serviceLevelDefinition: row.serviceLevelDefinition as PlanResponseDto['serviceLevelDefinition'],
    channels: row.settings,
    intervalCount: row.intervalCount,
    firstIntervalStart: row.firstIntervalStart ? formatUtcIso(row.firstIntervalStart.getTime()) : null,
    lastIntervalStart: row.lastIntervalStart ? formatUtcIso(row.lastIntervalStart.getTime()) : null,
    totals: row.totals,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdByKeyName,
  };
}

const CSV_HEADER = [
  'channel', 'period_start', 'period_start_local', 'volume', 'aht_seconds', 'shrinkage', 'agents',
  'agents_fractional', 'required_with_shrinkage', 'service_level', 'asa_seconds', 'wait_probability', 'occupancy',
  'abandon_rate', 'blocking_probability', 'binding', 'warnings',
] as const;

/** Staffing plans: the requirement of every interval of a stored forecast version. */
@Injectable()
export class PlansService {
  constructor(
    private readonly plans: PlansRepository,
    private readonly forecasts: ForecastsService,
    private readonly channels: ChannelsService,
    private readonly runner: StaffingRunner,
  ) {}

  async create(p: Principal, body: PlanCreateDto): Promise<PlanResponseDto> {
    const version = await this.forecasts.getVersion(p.tenantId, body.forecastVersionId);
    let rows = await this.forecasts.readIntervals(p.tenantId, body.forecastVersionId);
    if (body.channels) {
      const wanted = new Set(body.channels);
      const present = new Set(rows.map((r) => r.channelCode));
      const absent = [...wanted].filter((c) => !present.has(c));
      if (absent.length) {
        throw validationFailed([{ field: 'channels', value: absent.join(','), reason: 'are not channels of the forecast version' }]);
      }
      rows = rows.filter((r) => wanted.has(r.channelCode));
    }
    const n = rows.length;
    const columns = { volume: new Float64Array(n), ahtSeconds: new Float64Array(n), shrinkage: new Float64Array(n) };
    const positions = new Map<string, number[]>();
    const quantile = body.volumeQuantile;
    if (quantile !== undefined && rows.some((r) => r.volumeP10 === null || r.volumeP90 === null)) {
      throw validationFailed([{ field: 'volumeQuantile', value: quantile, reason: 'needs a forecast version with p10 and p90 volumes (a generated one)' }]);
    }
    rows.forEach((r, i) => {
      columns.volume[i] = quantile === undefined ? r.volume : volumeAtQuantile(r.volume, r.volumeP10!, r.volumeP90!, quantile);
      columns.ahtSeconds[i] = r.ahtSeconds;
      columns.shrinkage[i] = r.shrinkage ?? Number.NaN;
      const list = positions.get(r.channelCode) ?? [];
      list.push(i);
      positions.set(r.channelCode, list);
    });
    const byCode = await this.channels.requireAll(p.tenantId, [...positions.keys()]);
    const model = body.model ?? 'erlang-c';
    const definition = body.serviceLevelDefinition ?? DEFAULT_SERVICE_LEVEL_DEFINITION;
    const results = allocateResults(n);
    const settingsOut: PlanChannelSettingsDto[] = [];
    const problems: FieldError[] = [];
    const groups = [...positions.entries()].map(([code, list]) => {
      const channel = byCode.get(code)!;
      const settings = channelSettings(channel, model, {
        definition,
        ...(body.goal ? { goal: goalsOf(body.goal) } : {}),
        ...(body.shrinkage !== undefined ? { shrinkage: body.shrinkage } : {}),
        ...(body.patienceSeconds !== undefined ? { patienceSeconds: body.patienceSeconds } : {}),
        ...(body.concurrency !== undefined ? { concurrency: body.concurrency } : {}),
      });
      if (body.goal?.thresholdSeconds !== undefined) settings.thresholdSeconds = body.goal.thresholdSeconds;
      problems.push(...checkSettings(settings, `channel ${code}`, true));
      settingsOut.push({
        channel: code,
        intervalMinutes: settings.intervalSeconds / 60,
        goal: { ...settings.goals },
        thresholdSeconds: settings.thresholdSeconds ?? null,
        shrinkage: settings.shrinkage,
        patienceSeconds: settings.patienceSeconds ?? null,
        concurrency: settings.concurrency,
      });
      return { code, settings, indices: Int32Array.from(list) };
    });
    if (problems.length) throw validationFailed(problems);
    for (const g of groups) {
      const first = await this.runner.run(g.settings, columns, g.indices, results);
      if (first >= 0) {
        const at = rows[first];
        throw new DomainError(
          'GOAL_UNREACHABLE',
          `channel ${g.code}, interval ${formatUtcIso(at.intervalStart.getTime())}: no agent count meets the goal (${JSON.stringify(g.settings.goals)})`,
          { errors: [{ field: 'goal', reason: `no agent count meets every goal at ${g.code} ${formatUtcIso(at.intervalStart.getTime())}` }] },
        );
      }
    }
    const hoursOf = new Map(groups.map((g) => [g.code, g.settings.intervalSeconds / 3600]));
    const data: PlanIntervalColumns = {
      channelId: [], intervalStart: [], volume: [], ahtSeconds: [], shrinkage: [], agents: [], agentsFractional: [],
      requiredWithShrinkage: [], serviceLevel: [], asaSeconds: [], waitProbability: [], occupancy: [], abandonRate: [],
      blockingProbability: [], binding: [], warnings: [],
    };
    const totals = { agentHours: 0, agentHoursFractional: 0, requiredWithShrinkageHours: 0, volume: 0 };
    const shrinkageOf = new Map(groups.map((g) => [g.code, g.settings.shrinkage]));
    rows.forEach((r, i) => {
      const h = hoursOf.get(r.channelCode)!;
      totals.agentHours += results.agents[i] * h;
      totals.agentHoursFractional += results.agentsFractional[i] * h;
      totals.requiredWithShrinkageHours += results.requiredWithShrinkage[i] * h;
      totals.volume += columns.volume[i];
      data.channelId.push(r.channelId);
      data.intervalStart.push(r.intervalStart);
      data.volume.push(columns.volume[i]);
      data.ahtSeconds.push(r.ahtSeconds);
      data.shrinkage.push(r.shrinkage ?? shrinkageOf.get(r.channelCode)!);
      data.agents.push(results.agents[i]);
      data.agentsFractional.push(nullable(results.agentsFractional[i]));
      data.requiredWithShrinkage.push(results.requiredWithShrinkage[i]);
      data.serviceLevel.push(nullable(results.serviceLevel[i]));
      data.asaSeconds.push(nullable(results.asaSeconds[i]));
      data.waitProbability.push(nullable(results.waitProbability[i]));
      data.occupancy.push(nullable(results.occupancy[i]));
      data.abandonRate.push(nullable(results.abandonRate[i]));
      data.blockingProbability.push(nullable(results.blockingProbability[i]));
      data.binding.push(BINDING_GOALS[results.binding[i]]);
      data.warnings.push(results.warnings[i]);
    });
    const starts = rows.map((r) => r.intervalStart.getTime());
    const plan = {
      id: randomUUID(),
      label: body.label ?? `${version.label} · ${model}`,
      forecastVersionId: body.forecastVersionId,
      model,
      serviceLevelDefinition: definition,
      settings: settingsOut,
      intervalCount: n,
      firstIntervalStart: n ? new Date(Math.min(...starts)) : null,
      lastIntervalStart: n ? new Date(Math.max(...starts)) : null,
      totals,
      channelCodes: groups.map((g) => g.code),
      createdByKeyId: p.keyId,
      createdByKeyName: p.keyName,
    };
    const createdAt = await this.plans.transaction(async (manager) => {
      const at = await this.plans.insertPlan(manager, p.tenantId, plan);
      await this.plans.insertIntervals(manager, p.tenantId, plan.id, data);
      return at;
    });
    return toResponse({ ...plan, createdAt });
  }

  async get(tenantId: string, id: string): Promise<PlanResponseDto> {
    const row = await this.plans.find(tenantId, id);
    if (!row) throw notFound('PLAN_NOT_FOUND', 'staffing plan', id);
    return toResponse(row);
  }

  async delete(tenantId: string, id: string): Promise<void> {
    if (!(await this.plans.delete(tenantId, id))) throw notFound('PLAN_NOT_FOUND', 'staffing plan', id);
  }

  async list(tenantId: string, limit: number | undefined, cursor: string | undefined): Promise<PlanListDto> {
    const page = limit ?? DEFAULT_LIMIT;
    const after = decodeCursor(cursor);
    if (after && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(after.key)) {
      throw new DomainError('MALFORMED_REQUEST', 'cursor is not a cursor of this listing');
    }
    const rows = await this.plans.list(tenantId, page + 1, after ? { createdAt: cursorInstant(after.code).toISOString(), id: after.key } : null);
    const more = rows.length > page;
    const data = rows.slice(0, page).map(toResponse);
    const last = data[data.length - 1];
    return { data, next: more && last ? Buffer.from(JSON.stringify([last.createdAt, last.id])).toString('base64url') : null };
  }

  /**
   * The requirement of one channel of a plan over [from, to), by interval start: the agents on
   * the phones and the queueing inputs (what the scheduling module builds schedules from).
   * @throws DomainError 404 PLAN_NOT_FOUND
   */
  async requirementRows(tenantId: string, id: string, channelId: number, fromMs: number, toMs: number): Promise<PlanRequirementRow[]> {
    if (!(await this.plans.find(tenantId, id))) throw notFound('PLAN_NOT_FOUND', 'staffing plan', id);
    const out: PlanRequirementRow[] = [];
    let after: number | null = null;
    for (;;) {
      const rows = await this.plans.fetchIntervals(tenantId, id, channelId, fromMs, toMs, after, 10_000);
      for (const r of rows) out.push({ intervalStart: r.intervalStart, agents: r.agents, volume: r.volume, ahtSeconds: r.ahtSeconds });
      if (rows.length < 10_000) return out;
      after = rows[rows.length - 1].intervalStart.getTime();
    }
  }

  /** The intervals of a plan as a JSON page or a CSV stream; plans are immutable, so the ETag is exact. */
  async intervals(tenantId: string, id: string, query: IntervalQueryDto, format: ListingFormat): Promise<VersionedListing> {
    const plan = await this.plans.find(tenantId, id);
    if (!plan) throw notFound('PLAN_NOT_FOUND', 'staffing plan', id);
    const inPlan = new Set(plan.settings.map((s) => s.channel));
    const all = (await this.channels.list(tenantId)).filter((c) => inPlan.has(c.code) || query.channel?.includes(c.code));
    const channels = listingChannels(all, query);
    const source: ChannelRows<PlanIntervalRow> = {
      fetch: (c, afterKey, limit) =>
        this.plans.fetchIntervals(tenantId, id, c.id, c.fromMs, c.toMs, instantKey(afterKey), limit),
      keyOf: (row) => String(row.intervalStart.getTime()),
    };
    return { version: `plan:${plan.id}`, format, build: () => this.intervalListing(id, channels, source, query, format) };
  }

  private async intervalListing(id: string, channels: ListingChannel[], source: ChannelRows<PlanIntervalRow>, query: IntervalQueryDto, format: ListingFormat): Promise<Listing> {
    if (format === 'csv') {
      return {
        type: 'csv',
        filename: `plan-${id}-intervals.csv`,
        header: CSV_HEADER,
        rows: (async function* () {
          for await (const { channel, row } of readAll(channels, source)) {
            const d = planIntervalDto(channel, row);
            yield [d.channel, d.periodStart, d.periodStartLocal, d.volume, d.ahtSeconds, d.shrinkage, d.agents,
              d.agentsFractional, d.requiredWithShrinkage, d.serviceLevel, d.asaSeconds, d.waitProbability, d.occupancy,
              d.abandonRate, d.blockingProbability, d.binding, d.warnings.join('|')];
          }
        })(),
      };
    }
    const cursor = decodeCursor(query.cursor);
    if (cursor && !Number.isFinite(Number(cursor.key))) throw new DomainError('MALFORMED_REQUEST', 'cursor is not a cursor of this listing');
    const page = await readPage(channels, source, query.limit ?? DEFAULT_LIMIT, cursor);
    return { type: 'json', body: { data: page.rows.map(({ channel, row }) => planIntervalDto(channel, row)), next: page.next } };
  }
}
