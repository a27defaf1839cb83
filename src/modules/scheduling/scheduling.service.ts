import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { SchedulingProblem } from '../../core/scheduling/scheduling-types.js';
import type { ZoneClock } from '../../core/time/create-zone-clock.js';
import { formatLocalIso } from '../../core/time/format-local-iso.js';
import { formatUtcIso } from '../../core/time/format-utc-iso.js';
import { parseCivilDate } from '../../core/time/parse-civil-date.js';
import { parseTimestamp, type ParsedTimestamp } from '../../core/time/parse-timestamp.js';
import { APP_CONFIG, type AppConfig } from '../../platform/config/app-config.js';
import type { Principal } from '../../platform/auth/principal.js';
import { DomainError, notFound, validationFailed, type FieldError } from '../../platform/errors/domain-error.js';
import { AdherenceService } from '../adherence/adherence.service.js';
import type { Channel } from '../channels/channel.js';
import { ChannelsService } from '../channels/channels.service.js';
import { zoneClockFor } from '../channels/zone-clocks.js';
import { JobsService, type JobDto } from '../jobs/index.js';
import { cursorInstant, decodeCursor, DEFAULT_LIMIT, encodeCursor, instantKey } from '../listing/paging.js';
import type { ListingFormat, VersionedListing } from '../listing/send-listing.js';
import { PlansService } from '../staffing/plans.service.js';
import { IngestRunner } from '../uploads/ingest-runner.js';
import type { Uploader } from '../uploads/ingest.types.js';
import { csvStreamSource, type UploadSource } from '../uploads/upload-body.js';
import { AgentsSink, DEFAULT_MAX_WEEKLY_HOURS, DEFAULT_MIN_WEEKLY_HOURS, type AgentsResult } from './agents.sink.js';
import {
  ACTIVITY_CSV_COLUMNS, COVERAGE_CSV_COLUMNS,
  type AgentDto, type AgentListDto, type AgentPutDto, type CoverageRowDto, type GenerateScheduleDto, type PublishResultDto,
  type ScenarioActivityDto, type ScenarioDto, type ScenarioListDto, type ScenarioQueryDto, type StageReportDto,
} from './dto/scheduling.dto.js';
import { buildCandidates, buildHorizon, localDayOf, localMidnightOf, requiredAgents, rosterAgents, type BookedActivity, type Horizon, type RosterEntry } from './problem-building.js';
import { activitiesOfSolution, coverageTotals, onPhoneAgents, openShiftId, predictedMeasures, WORK_ACTIVITY, type PredictionInput } from './scenario-building.js';
import { SCHEDULE_SOLVER, type ScheduleSolverPort } from './schedule-solver.port.js';
import { ScheduleSolverTimeout } from './schedule-solver.js';
import { DEFAULT_RULES, minutesOfDay, parseSchedulingRules, WEEKDAY_CODES, type SchedulingRules, type WeekdayCode } from './scheduling-rules.js';
import { SchedulingRepository, type AgentContractRow, type ScenarioRow } from './scheduling.repository.js';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Longest horizon of one generation. */
export const MAX_HORIZON_DAYS = 42;
/** Booked activities are read this long before the horizon (the last shift, for the rest rule). */
const LOOKBACK_MS = 2 * DAY_MS;
/** 1 to 100 characters without control characters. */
const validAgentId = (id: string): boolean => id.length >= 1 && id.length <= 100 && ![...id].some((ch) => ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127);
const scratch: ParsedTimestamp = { localMs: 0, offsetMinutes: null };

const nullIfNaN = (x: number): number | null => (x === x && Number.isFinite(x) ? x : null);
const hhmm = (minutes: number | null): string | null =>
  minutes === null ? null : `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** An instant with an offset, or a date read as local midnight on `clock`; NaN when neither. */
function parseBound(text: string, clock: ZoneClock): number {
  const days = parseCivilDate(text);
  if (days === days) {
    for (let m = 0; m <= 180; m += 15) {
      const r = clock.resolveLocal(days * DAY_MS + m * MINUTE_MS);
      if (r.kind === 'unique') return r.utcMs;
      if (r.kind === 'ambiguous') return r.earlierUtcMs;
    }
    return NaN;
  }
  if (parseTimestamp(text, scratch) && scratch.offsetMinutes !== null) return scratch.localMs - scratch.offsetMinutes * MINUTE_MS;
  return NaN;
}

const BOUND_REASON = 'must be an instant with an offset (2026-03-02T09:30:00Z) or a date (2026-03-02) that exists, in the years 1900–2200';

function agentDto(r: AgentContractRow): AgentDto {
  return {
    agentId: r.agentId,
    team: r.team,
    channels: r.channelCodes,
    minWeeklyHours: r.minWeeklyMinutes / 60,
    maxWeeklyHours: r.maxWeeklyMinutes / 60,
    availableDays: WEEKDAY_CODES.filter((d) => r.availableDays.includes(d)),
    availableFrom: hhmm(r.availableFromMinutes),
    availableTo: hhmm(r.availableToMinutes),
    updatedAt: r.updatedAt.toISOString(),
  };
}

function stageDto(s: StageReportDto | null): StageReportDto | null {
  if (!s) return null;
  return { status: s.status, objective: nullIfNaN(s.objective as number), bound: nullIfNaN(s.bound as number), gap: nullIfNaN(s.gap as number), solveSeconds: s.solveSeconds, variables: s.variables, constraints: s.constraints };
}

function scenarioDto(s: ScenarioRow): ScenarioDto {
  const stages = s.stages as unknown as { design: StageReportDto; roster: StageReportDto | null; breaks: StageReportDto };
  return {
    id: s.id,
    plan: s.planId,
    channels: s.channelCodes,
    timeZone: s.timeZone,
    intervalMinutes: s.intervalMinutes,
    from: formatUtcIso(s.fromAt.getTime()),
    to: formatUtcIso(s.toAt.getTime()),
    status: s.status,
    totals: s.totals,
    stages: { design: stageDto(stages.design)!, roster: stageDto(stages.roster), breaks: stageDto(stages.breaks)! },
    solveSeconds: [stages.design, stages.roster, stages.breaks].reduce((sum, st) => sum + (st?.solveSeconds ?? 0), 0),
    createdAt: s.createdAt.toISOString(),
    createdBy: s.createdByKeyName,
    publishedAt: s.publishedAt ? s.publishedAt.toISOString() : null,
  };
}

/**
 * The job error of a solver failure: a problem the core refuses (RangeError) is 422, a solver
 * stopped past its time limit 413 COMPUTATION_TOO_LARGE; anything else stays a bug.
 */
export function solverError(error: unknown): unknown {
  if (error instanceof RangeError) return validationFailed([{ field: '(problem)', reason: error.message }]);
  if (error instanceof ScheduleSolverTimeout) {
    return new DomainError('COMPUTATION_TOO_LARGE', `${error.message}: shorten the horizon, or send a smaller timeLimitSeconds`);
  }
  return error;
}

/** A CSV field of the schedules upload (RFC 4180 quoting when needed). */
function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * Schedules from the requirement (issue 17): the scheduling rules, the roster's contract data,
 * generation of draft scenarios by the solver as a job, their totals, coverage and activities,
 * and publication into the schedules.
 */
@Injectable()
export class SchedulingService {
  constructor(
    private readonly repository: SchedulingRepository,
    private readonly channels: ChannelsService,
    private readonly plans: PlansService,
    private readonly adherence: AdherenceService,
    private readonly jobs: JobsService,
    private readonly runner: IngestRunner,
    @Inject(SCHEDULE_SOLVER) private readonly solver: ScheduleSolverPort,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // ------------------------------------------------------------ rules

  async getRules(tenantId: string): Promise<SchedulingRules> {
    const stored = await this.repository.readRules(tenantId);
    return stored ? (stored as SchedulingRules) : DEFAULT_RULES;
  }

  async putRules(tenantId: string, body: unknown): Promise<SchedulingRules> {
    const activities = new Set((await this.adherence.getRules(tenantId)).activities.map((a) => a.code));
    const rules = parseSchedulingRules(body, activities);
    await this.repository.writeRules(tenantId, rules);
    return rules;
  }

  // ------------------------------------------------------------ roster

  async putAgent(tenantId: string, agentId: string, body: AgentPutDto): Promise<{ agent: AgentDto; created: boolean }> {
    const errors: FieldError[] = [];
    if (!validAgentId(agentId) || agentId.trim() !== agentId) errors.push({ field: 'id', value: agentId, reason: 'must be 1 to 100 characters without control characters or surrounding spaces' });
    const known = new Set((await this.channels.list(tenantId)).map((c) => c.code));
    const unknown = body.channels.filter((c) => !known.has(c));
    if (unknown.length) throw new DomainError('UNKNOWN_CHANNELS', `unknown channel codes: ${unknown.join(', ')}`, { unknown, errors: [{ field: 'channels', value: unknown.join(','), reason: 'are not channels of the tenant' }] });
    if (new Set(body.channels).size !== body.channels.length) errors.push({ field: 'channels', value: body.channels.join(','), reason: 'names a channel twice' });
    const minutes = (field: string, hours: number | undefined, fallback: number): number => {
      const m = (hours ?? fallback) * 60;
      if (Math.abs(m - Math.round(m / 15) * 15) > 1e-9) errors.push({ field, value: hours, reason: 'must be a whole number of quarter-hours (37.5, 20.25 ...)' });
      return Math.round(m);
    };
    const min = minutes('minWeeklyHours', body.minWeeklyHours, DEFAULT_MIN_WEEKLY_HOURS);
    const max = minutes('maxWeeklyHours', body.maxWeeklyHours, DEFAULT_MAX_WEEKLY_HOURS);
    if (min > max) errors.push({ field: 'maxWeeklyHours', value: body.maxWeeklyHours, reason: 'must not be less than minWeeklyHours' });
    const time = (field: string, text: string | null | undefined): number | null => {
      if (text === null || text === undefined) return null;
      const v = minutesOfDay(text);
      if (Number.isNaN(v) || v % 15 !== 0) {
        errors.push({ field, value: text, reason: 'must be a local time HH:MM on the quarter-hour (00:00 to 24:00)' });
        return null;
      }
      return v;
    };
    const from = time('availableFrom', body.availableFrom);
    const to = time('availableTo', body.availableTo);
    if (from !== null && to !== null && !(to > from)) errors.push({ field: 'availableTo', value: body.availableTo, reason: 'must be after availableFrom' });
    if (errors.length) throw validationFailed(errors);
    const days: WeekdayCode[] = body.availableDays ? WEEKDAY_CODES.filter((d) => body.availableDays!.includes(d)) : [...WEEKDAY_CODES];
    const team = body.team === undefined || body.team === null || body.team.trim() === '' ? null : body.team.trim();
    const created = await this.repository.upsertAgent(tenantId, {
      agentId, team, channelCodes: body.channels, minWeeklyMinutes: min, maxWeeklyMinutes: max, availableDays: days, availableFromMinutes: from, availableToMinutes: to,
    });
    return { agent: await this.getAgent(tenantId, agentId), created };
  }

  async getAgent(tenantId: string, agentId: string): Promise<AgentDto> {
    const row = await this.repository.findAgent(tenantId, agentId);
    if (!row) throw notFound('AGENT_NOT_FOUND', 'agent', agentId);
    return agentDto(row);
  }

  async listAgents(tenantId: string, limit: number | undefined, cursor: string | undefined): Promise<AgentListDto> {
    const page = limit ?? DEFAULT_LIMIT;
    const after = decodeCursor(cursor);
    if (cursor !== undefined && (!after || after.code !== 'agent')) throw new DomainError('MALFORMED_REQUEST', 'cursor is not a cursor of this listing');
    const rows = await this.repository.listAgents(tenantId, after?.key ?? null, page + 1);
    const data = rows.slice(0, page).map(agentDto);
    const last = data[data.length - 1];
    return { data, next: rows.length > page && last ? encodeCursor('agent', last.agentId) : null };
  }

  async uploadAgents(tenantId: string, uploader: Uploader, source: UploadSource, idempotencyKey: string | null): Promise<AgentsResult & { duplicate: boolean }> {
    const codes = new Set((await this.channels.list(tenantId)).map((c) => c.code));
    const sink = new AgentsSink(this.repository, codes, source.contentType === 'application/json' ? 'json' : 'csv');
    const out = await this.runner.run({ tenantId, uploader, mappingName: null, idempotencyKey, sink, prepare: () => Promise.resolve({ body: source.open(this.config.uploadLimitBytes), mapping: null }) });
    return { ...out.result, duplicate: out.duplicate };
  }

  // ------------------------------------------------------------ generate

  /**
   * Checks the request and builds the problem (422 or 404 at once), then solves it and stores
   * the draft scenario as a job (202): the job's result is the scenario.
   */
  async generate(p: Principal, body: GenerateScheduleDto): Promise<JobDto> {
    const prepared = await this.prepare(p.tenantId, body);
    return this.jobs.start(p.tenantId, 'schedule-generate', async (progress) => {
      const solution = await this.solver.solve(prepared.problem, (f) => progress(0.95 * f)).catch((error: unknown) => {
        throw solverError(error);
      });
      return this.store(p, prepared, solution);
    });
  }

  private async prepare(tenantId: string, body: GenerateScheduleDto) {
    const plan = await this.plans.get(tenantId, body.plan);
    const all = await this.channels.list(tenantId);
    const byCode = new Map(all.map((c) => [c.code, c]));
    const inPlan = plan.channels.map((c) => c.channel);
    const codes = body.channels ? [...new Set(body.channels.map((c) => c.trim()))] : inPlan;
    const unknown = codes.filter((c) => !byCode.has(c));
    if (unknown.length) {
      throw new DomainError('UNKNOWN_CHANNELS', `unknown channel codes: ${unknown.join(', ')}`, { unknown, errors: [{ field: 'channels', value: unknown.join(','), reason: 'are not channels of the tenant' }] });
    }
    const outside = codes.filter((c) => !inPlan.includes(c));
    if (outside.length) throw validationFailed([{ field: 'channels', value: outside.join(','), reason: `are not channels of plan ${plan.id} (${inPlan.join(', ')})` }]);
    const chosen = codes.map((c) => byCode.get(c)!);
    const first = chosen[0];
    if (!first) throw validationFailed([{ field: 'channels', reason: 'the plan has no channel' }]);
    if (chosen.some((c) => c.timeZone !== first.timeZone || c.intervalMinutes !== first.intervalMinutes)) {
      throw validationFailed([{ field: 'channels', value: codes.join(','), reason: 'channels scheduled together must share a time zone and an interval length: generate them one at a time' }]);
    }
    const clock = zoneClockFor(first.timeZone);
    const fromMs = parseBound(body.from, clock);
    const toMs = parseBound(body.to, clock);
    const errors: FieldError[] = [];
    if (Number.isNaN(fromMs)) errors.push({ field: 'from', value: body.from, reason: BOUND_REASON });
    if (Number.isNaN(toMs)) errors.push({ field: 'to', value: body.to, reason: BOUND_REASON });
    if (errors.length) throw validationFailed(errors);
    if (!(toMs > fromMs)) throw validationFailed([{ field: 'to', value: body.to, reason: 'must be after from' }]);
    if (toMs - fromMs > MAX_HORIZON_DAYS * DAY_MS + 2 * 3_600_000) throw validationFailed([{ field: 'to', value: body.to, reason: `a schedule covers at most ${MAX_HORIZON_DAYS} days` }]);
    const step = first.intervalMinutes * MINUTE_MS;
    const onGrid = (ms: number): boolean => (((ms + clock.offsetMinutesAt(ms) * MINUTE_MS) % step) + step) % step === 0;
    if (!onGrid(fromMs)) errors.push({ field: 'from', value: body.from, reason: `must lie on the ${first.intervalMinutes}-minute interval grid of channel ${first.code}` });
    if (!onGrid(toMs)) errors.push({ field: 'to', value: body.to, reason: `must lie on the ${first.intervalMinutes}-minute interval grid of channel ${first.code}` });
    // The plan's days: from local midnight of its first interval to the local midnight after its last.
    const planFrom = plan.firstIntervalStart ? localMidnightOf(clock, localDayOf(clock, Date.parse(plan.firstIntervalStart))) : NaN;
    const planTo = plan.lastIntervalStart ? localMidnightOf(clock, localDayOf(clock, Date.parse(plan.lastIntervalStart)) + 1) : NaN;
    const planDays = Number.isNaN(planFrom) ? '(no interval)' : `${formatUtcIso(planFrom)} to ${formatUtcIso(planTo)}`;
    if (!(fromMs >= planFrom)) errors.push({ field: 'from', value: body.from, reason: `lies before the days of the plan (${planDays})` });
    if (!(toMs <= planTo)) errors.push({ field: 'to', value: body.to, reason: `lies after the days of the plan (${planDays})` });
    if (errors.length) throw validationFailed(errors);

    const rules = await this.getRules(tenantId);
    const h = buildHorizon(fromMs, toMs, first.intervalMinutes, clock);
    const { shiftTypes, candidates } = buildCandidates(h, rules);
    if (candidates.type.length === 0) throw validationFailed([{ field: 'from', value: body.from, reason: 'no shift of the scheduling rules starts and ends inside this horizon (start windows, opening hours)' }]);
    const perChannel = await Promise.all(chosen.map((c) => this.plans.requirementRows(tenantId, plan.id, c.id, fromMs, toMs)));
    const required = requiredAgents(h, perChannel.map((rows) => rows.map((r) => ({ startMs: r.intervalStart.getTime(), agents: r.agents }))), rules);
    // What the schedule does not model takes a share of the scheduled time: gross the on-phone requirement up by it.
    const residualShrinkage = body.residualShrinkage ?? 0;
    if (residualShrinkage > 0) for (let k = 0; k < required.length; k++) required[k] /= 1 - residualShrinkage;
    const prediction = this.predictionInput(plan, chosen, h, perChannel);

    const roster = await this.repository.agentsOfChannels(tenantId, codes);
    const shiftCodes = new Set([WORK_ACTIVITY, ...rules.shiftTypes.flatMap((t) => t.breaks.map((b) => b.code))]);
    const ids = new Set(roster.map((a) => a.agentId));
    const booked: BookedActivity[] = (await this.adherence.scheduledActivities(tenantId, fromMs - LOOKBACK_MS, toMs))
      .filter((r) => ids.has(r.agentId))
      // Shift activities of these channels are what a publication replaces; anything else (time off, meetings, shifts of other channels) is blocked time.
      .map((r) => ({ agentId: r.agentId, startMs: r.startAt.getTime(), endMs: r.endAt.getTime(), shift: shiftCodes.has(r.activity) && r.channelCodes.some((c) => codes.includes(c)) }));
    const entries: RosterEntry[] = roster.map((a) => ({
      agentId: a.agentId, minWeeklyMinutes: a.minWeeklyMinutes, maxWeeklyMinutes: a.maxWeeklyMinutes,
      availableDays: a.availableDays, availableFromMinutes: a.availableFromMinutes, availableToMinutes: a.availableToMinutes,
    }));
    const problem: SchedulingProblem = {
      intervalMinutes: first.intervalMinutes,
      requiredAgents: required,
      dayCount: h.dayCount,
      shiftTypes,
      candidates,
      penalties: { ...rules.penalties },
      agents: rosterAgents(h, entries, booked),
      roster: { minRestMinutes: rules.minRestMinutes, minDaysOffPerWeek: rules.daysOffPerWeek },
      limits: { timeLimitSeconds: body.timeLimitSeconds ?? rules.limits.timeLimitSeconds, mipRelativeGap: rules.limits.mipRelativeGap },
    };
    return { planId: plan.id, codes, horizon: h, problem, prediction, roster, residualShrinkage };
  }

  /** The plan's queueing inputs pooled over the channels: summed volume, volume-weighted AHT; NaN where no channel's plan holds the interval. */
  private predictionInput(plan: Awaited<ReturnType<PlansService['get']>>, chosen: Channel[], h: Horizon, perChannel: Array<Array<{ intervalStart: Date; volume: number; ahtSeconds: number }>>): PredictionInput {
    const volume = new Float64Array(h.intervalCount).fill(NaN);
    const handle = new Float64Array(h.intervalCount);
    const step = h.intervalMinutes * MINUTE_MS;
    for (const rows of perChannel) {
      for (const r of rows) {
        const k = (r.intervalStart.getTime() - h.fromMs) / step;
        if (!Number.isInteger(k) || k < 0 || k >= h.intervalCount) continue;
        volume[k] = (volume[k] === volume[k] ? volume[k] : 0) + r.volume;
        handle[k] += r.volume * r.ahtSeconds;
      }
    }
    const settings = plan.channels.find((c) => c.channel === chosen[0].code);
    return {
      model: plan.model,
      intervalSeconds: h.intervalMinutes * 60,
      volume,
      ahtSeconds: Float64Array.from(volume, (v, k) => (v > 0 ? handle[k] / v : NaN)),
      thresholdSeconds: settings?.thresholdSeconds ?? chosen[0].thresholdSeconds,
      patienceSeconds: settings?.patienceSeconds ?? chosen[0].patienceSeconds,
      concurrency: settings?.concurrency ?? chosen[0].concurrency,
    };
  }

  private async store(p: Principal, prepared: Awaited<ReturnType<SchedulingService['prepare']>>, solution: Awaited<ReturnType<ScheduleSolverPort['solve']>>): Promise<ScenarioDto> {
    const { horizon: h, problem, roster, codes } = prepared;
    const id = randomUUID();
    const wanted = new Set(codes);
    const owners = problem.agents.map((a, i) => ({ agentId: a.id, team: roster[i].team, channelCodes: roster[i].channelCodes.filter((c) => wanted.has(c)) }));
    const activities = activitiesOfSolution(problem, solution, h.fromMs, owners, (n) => ({ agentId: openShiftId(id, n), team: null, channelCodes: codes }));
    const onPhone = onPhoneAgents(activities, h.fromMs, h.intervalMinutes, h.intervalCount);
    const { under, over, totals: coverage } = coverageTotals(activities, problem.requiredAgents, onPhone, h.intervalMinutes, solution.totals.unassignedShifts);
    const totals = { ...coverage, residualShrinkage: prepared.residualShrinkage };
    // The agents expected on the phones: the scheduled ones less what the schedule does not model.
    const present = prepared.residualShrinkage > 0 ? onPhone.map((x) => x * (1 - prepared.residualShrinkage)) : onPhone;
    const { serviceLevel, asaSeconds } = predictedMeasures(prepared.prediction, present);
    const step = h.intervalMinutes * MINUTE_MS;
    const row = {
      id, planId: prepared.planId, channelCodes: codes, timeZone: h.clock.timeZone, intervalMinutes: h.intervalMinutes,
      fromAt: new Date(h.fromMs), toAt: new Date(h.toMs), totals, stages: solution.stages, createdByKeyName: p.keyName,
    };
    await this.repository.transaction((manager) =>
      this.repository.insertScenario(
        manager, p.tenantId, row,
        {
          agentId: activities.map((a) => a.agentId), team: activities.map((a) => a.team), channels: activities.map((a) => a.channelCodes.join('|')),
          activity: activities.map((a) => a.activity), startAt: activities.map((a) => new Date(a.startMs)), endAt: activities.map((a) => new Date(a.endMs)),
        },
        {
          intervalStart: Array.from(onPhone, (_, k) => new Date(h.fromMs + k * step)),
          required: Array.from(problem.requiredAgents, nullIfNaN), onPhone: Array.from(onPhone),
          under: Array.from(under, nullIfNaN), over: Array.from(over, nullIfNaN),
          serviceLevel: Array.from(serviceLevel, nullIfNaN), asaSeconds: Array.from(asaSeconds, nullIfNaN),
        },
      ),
    );
    return this.scenario(p.tenantId, id);
  }

  // ------------------------------------------------------------ scenarios

  private async find(tenantId: string, id: string): Promise<ScenarioRow> {
    const s = await this.repository.findScenario(tenantId, id);
    if (!s) throw notFound('SCENARIO_NOT_FOUND', 'schedule scenario', id);
    return s;
  }

  async listScenarios(tenantId: string, plan: string | undefined, limit: number | undefined, cursor: string | undefined): Promise<ScenarioListDto> {
    const page = limit ?? DEFAULT_LIMIT;
    const after = decodeCursor(cursor);
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    if (after && !uuid.test(after.key)) throw new DomainError('MALFORMED_REQUEST', 'cursor is not a cursor of this listing');
    const rows = await this.repository.listScenarios(tenantId, plan ?? null, after ? { createdAt: cursorInstant(after.code).toISOString(), id: after.key } : null, page + 1);
    const data = rows.slice(0, page).map(scenarioDto);
    const last = rows[Math.min(rows.length, page) - 1];
    return { data, next: rows.length > page && last ? encodeCursor(last.createdAt.toISOString(), last.id) : null };
  }

  async scenario(tenantId: string, id: string): Promise<ScenarioDto> {
    return scenarioDto(await this.find(tenantId, id));
  }

  /** Coverage per interval (JSON pages by interval start, or CSV); a scenario's coverage never changes, so the ETag is exact. */
  async coverage(tenantId: string, id: string, q: ScenarioQueryDto, format: ListingFormat): Promise<VersionedListing> {
    const s = await this.find(tenantId, id);
    const clock = zoneClockFor(s.timeZone);
    const bound = (field: 'from' | 'to', text: string | undefined, fallback: number): number => {
      if (text === undefined || text === '') return fallback;
      const v = parseBound(text, clock);
      if (Number.isNaN(v)) throw validationFailed([{ field, value: text, reason: BOUND_REASON }]);
      return v;
    };
    const fromMs = bound('from', q.from, s.fromAt.getTime());
    const toMs = bound('to', q.to, s.toAt.getTime());
    if (!(toMs > fromMs)) throw validationFailed([{ field: 'to', value: q.to, reason: 'must be after from' }]);
    const channels = s.channelCodes.join('|');
    const dto = (r: Awaited<ReturnType<SchedulingRepository['readCoverage']>>[number]): CoverageRowDto => {
      const ms = r.intervalStart.getTime();
      return {
        periodStart: formatUtcIso(ms), periodStartLocal: formatLocalIso(ms, clock.offsetMinutesAt(ms)), channels,
        requiredAgents: r.requiredAgents, onPhoneAgents: r.onPhoneAgents, underAgents: r.underAgents, overAgents: r.overAgents,
        serviceLevel: r.serviceLevel, asaSeconds: r.asaSeconds,
      };
    };
    return {
      version: `scenario:${tenantId}:${id}`,
      format,
      build: async () => {
        if (format === 'csv') {
          const rows = await this.repository.readCoverage(tenantId, id, fromMs, toMs, null, null);
          return {
            type: 'csv', filename: `schedule-scenario-${id}-coverage.csv`, header: COVERAGE_CSV_COLUMNS,
            rows: (async function* () {
              for (const r of rows) yield await Promise.resolve(Object.values(dto(r)));
            })(),
          };
        }
        const cursor = decodeCursor(q.cursor);
        if (cursor && cursor.code !== 'coverage') throw new DomainError('MALFORMED_REQUEST', 'cursor is not a cursor of this listing');
        const limit = q.limit ?? DEFAULT_LIMIT;
        const rows = await this.repository.readCoverage(tenantId, id, fromMs, toMs, cursor ? instantKey(cursor.key) : null, limit + 1);
        const data = rows.slice(0, limit);
        const last = data[data.length - 1];
        return { type: 'json', body: { data: data.map(dto), next: rows.length > limit && last ? encodeCursor('coverage', String(last.intervalStart.getTime())) : null } };
      },
    };
  }

  /** The activities (JSON pages by agent and start, or CSV in the schedules upload format). */
  async activities(tenantId: string, id: string, q: ScenarioQueryDto, format: ListingFormat): Promise<VersionedListing> {
    const s = await this.find(tenantId, id);
    const clock = zoneClockFor(s.timeZone);
    const dto = (r: Awaited<ReturnType<SchedulingRepository['readActivities']>>[number]): ScenarioActivityDto => ({
      agentId: r.agentId, team: r.team, channels: r.channelCodes.join('|'), activity: r.activity,
      start: formatLocalIso(r.startAt.getTime(), clock.offsetMinutesAt(r.startAt.getTime())),
      end: formatLocalIso(r.endAt.getTime(), clock.offsetMinutesAt(r.endAt.getTime())),
    });
    return {
      version: `scenario:${tenantId}:${id}`,
      format,
      build: async () => {
        if (format === 'csv') {
          const rows = await this.repository.readActivities(tenantId, id, null, null);
          return {
            type: 'csv', filename: `schedule-scenario-${id}-activities.csv`, header: ACTIVITY_CSV_COLUMNS,
            rows: (async function* () {
              for (const r of rows) yield await Promise.resolve(Object.values(dto(r)));
            })(),
          };
        }
        const cursor = decodeCursor(q.cursor);
        const limit = q.limit ?? DEFAULT_LIMIT;
        const rows = await this.repository.readActivities(tenantId, id, cursor ? { agentId: cursor.code, startMs: instantKey(cursor.key) ?? 0 } : null, limit + 1);
        const data = rows.slice(0, limit);
        const last = data[data.length - 1];
        return { type: 'json', body: { data: data.map(dto), next: rows.length > limit && last ? encodeCursor(last.agentId, String(last.startAt.getTime())) : null } };
      },
    };
  }

  // ------------------------------------------------------------ publish

  /**
   * Writes the scenario into the schedules through the schedules upload (one transaction, the
   * upload log, replacing each (agent, local day) it writes). Stored rows of those (agent, day)s
   * that are not shift activities of the scenario's channels (time off, meetings, shifts of other
   * channels) are written again with the shifts. 409 SCENARIO_ALREADY_PUBLISHED, or
   * SCHEDULES_EXIST when shift activities of its channels are already stored on one of its
   * (agent, day)s, unless `replace`.
   */
  /** Publishes one scenario; publishes of a tenant run one after the other (the check for existing schedules and the write are one step). */
  publish(p: Principal, id: string, replace: boolean): Promise<PublishResultDto> {
    return this.repository.withPublishLock(p.tenantId, () => this.publishLocked(p, id, replace));
  }

  private async publishLocked(p: Principal, id: string, replace: boolean): Promise<PublishResultDto> {
    const s = await this.find(p.tenantId, id);
    if (s.status === 'published' && !replace) {
      throw new DomainError('SCENARIO_ALREADY_PUBLISHED', `schedule scenario ${id} is already published; send replace: true to publish it again`, { scenarioId: id, publishedAt: s.publishedAt?.toISOString() ?? null });
    }
    const clock = zoneClockFor(s.timeZone);
    const rules = await this.getRules(p.tenantId);
    const shiftCodes = new Set([WORK_ACTIVITY, ...rules.shiftTypes.flatMap((t) => t.breaks.map((b) => b.code))]);
    const rows = await this.repository.readActivities(p.tenantId, id, null, null);
    // (agent, local day of the shift start) of every shift of the scenario.
    const days = new Set<string>();
    let prev: (typeof rows)[number] | null = null;
    let shiftStart = 0;
    for (const r of rows) {
      if (!prev || prev.agentId !== r.agentId || prev.endAt.getTime() < r.startAt.getTime()) shiftStart = r.startAt.getTime();
      days.add(`${r.agentId}\u0000${localDayOf(clock, shiftStart)}`);
      prev = r;
    }
    const stored = await this.adherence.scheduledActivities(p.tenantId, s.fromAt.getTime() - DAY_MS, s.toAt.getTime() + 2 * DAY_MS);
    const onDays = stored.filter((r) => days.has(`${r.agentId}\u0000${localDayOf(clock, r.shiftStart.getTime())}`));
    const ours = (r: (typeof onDays)[number]): boolean => shiftCodes.has(r.activity) && r.channelCodes.some((c) => s.channelCodes.includes(c));
    const conflicts = onDays.filter(ours);
    if (conflicts.length && !replace) {
      const pairs = [...new Set(conflicts.map((r) => `${r.agentId} ${formatUtcIso(localDayOf(clock, r.shiftStart.getTime()) * DAY_MS).slice(0, 10)}`))];
      throw new DomainError('SCHEDULES_EXIST', `${pairs.length} (agent, day)s already hold shifts (first: ${pairs[0]}); send replace: true to replace them`, { agentDays: pairs.length, first: pairs.slice(0, 20) });
    }
    const carried = onDays.filter((r) => !ours(r));
    if (rows.length === 0) {
      // A scenario without shifts writes nothing (and replaces nothing).
      const publishedAt = await this.repository.markPublished(p.tenantId, id, null);
      return { scenarioId: id, status: 'published', publishedAt: publishedAt.toISOString(), uploadId: null, duplicate: false, rows: 0, agents: 0, agentDays: 0, replacedRows: 0, carriedActivities: 0 };
    }
    const local = (ms: number): string => formatLocalIso(ms, clock.offsetMinutesAt(ms));
    const lines = [
      ...rows.map((r) => ({ agentId: r.agentId, team: r.team, channels: r.channelCodes, activity: r.activity, start: r.startAt.getTime(), end: r.endAt.getTime() })),
      ...carried.map((r) => ({ agentId: r.agentId, team: r.team, channels: r.channelCodes, activity: r.activity, start: r.startAt.getTime(), end: r.endAt.getTime() })),
    ]
      .sort((a, b) => (a.agentId < b.agentId ? -1 : a.agentId > b.agentId ? 1 : a.start - b.start))
      .map((r) => [r.agentId, r.team ?? '', r.channels.join('|'), r.activity, local(r.start), local(r.end)].map(csvField).join(',') + '\r\n');
    const csv = Buffer.from(ACTIVITY_CSV_COLUMNS.join(',') + '\r\n' + lines.join(''), 'utf8');
    const out = await this.adherence.uploadSchedules(
      p.tenantId,
      { keyId: p.keyId, keyName: p.keyName },
      csvStreamSource((async function* () {
        yield await Promise.resolve(csv);
      })()),
      null,
    );
    const publishedAt = await this.repository.markPublished(p.tenantId, id, out.uploadId);
    return {
      scenarioId: id, status: 'published', publishedAt: publishedAt.toISOString(), uploadId: out.uploadId, duplicate: out.duplicate,
      rows: out.rows, agents: out.agents, agentDays: out.agentDays, replacedRows: out.replacedRows, carriedActivities: carried.length,
    };
  }
}
