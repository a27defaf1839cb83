import { Injectable } from '@nestjs/common';
import { DEFAULT_SERVICE_LEVEL_DEFINITION } from '../../core/queueing/service-level-definition.js';
import { BINDING_GOALS, STAFFING_WARNING_BITS, type StaffingWarning } from '../../core/staffing/staffing-types.js';
import { DomainError, validationFailed, type FieldError } from '../../platform/errors/domain-error.js';
import type { Channel } from '../channels/channel.js';
import { ChannelsService } from '../channels/channels.service.js';
import { MAX_INTERVALS_PER_REQUEST, type StaffingRequestDto } from './dto/staffing-request.dto.js';
import type { StaffingIntervalResultDto, StaffingResponseDto } from './dto/staffing-response.dto.js';
import { readIntervalColumns, type IntervalColumns } from './staffing-columns.js';
import { StaffingRunner } from './staffing-runner.js';
import {
  allocateResults,
  channelSettings,
  unusedChannelGoals,
  checkSettings,
  goalsOf,
  nullable,
  type StaffingResultColumns,
  type StaffingSettings,
} from './staffing-engine.js';

const WARNING_NAMES = Object.entries(STAFFING_WARNING_BITS) as Array<[StaffingWarning, number]>;

export function warningNames(bits: number): StaffingWarning[] {
  const out: StaffingWarning[] = [];
  for (const [name, bit] of WARNING_NAMES) if (bits & bit) out.push(name);
  return out;
}

/** The warning list of every bit mask, built once (responses share them; they are only serialised). */
const WARNING_LISTS: ReadonlyArray<StaffingWarning[]> = Array.from({ length: 4 }, (_, bits) => warningNames(bits));

/** Stateless staffing: how many agents each interval needs, or what given staffing delivers. */
@Injectable()
export class StaffingService {
  constructor(
    private readonly channels: ChannelsService,
    private readonly runner: StaffingRunner,
  ) {}

  calculate(tenantId: string, body: StaffingRequestDto): Promise<StaffingResponseDto> {
    return this.run(tenantId, body, false);
  }

  evaluate(tenantId: string, body: StaffingRequestDto): Promise<StaffingResponseDto> {
    return this.run(tenantId, body, true);
  }

  private async run(tenantId: string, body: StaffingRequestDto, evaluating: boolean): Promise<StaffingResponseDto> {
    if (body.intervals.length > MAX_INTERVALS_PER_REQUEST) {
      throw new DomainError(
        'TOO_MANY_INTERVALS',
        `a request may hold at most ${MAX_INTERVALS_PER_REQUEST} intervals; this one has ${body.intervals.length}`,
      );
    }
    const { columns, errors, errorCount } = readIntervalColumns(body.intervals, evaluating);
    if (errorCount > 0) {
      const first = `${errors[0]?.field}: ${errors[0]?.reason}`;
      throw new DomainError('INVALID_INTERVALS', errorCount === 1 ? `1 interval field is invalid: ${first}` : `${errorCount} interval fields are invalid; first: ${first}`, {
        errorCount,
        errors,
      });
    }
    const { groups, notes } = await this.groups(tenantId, body, columns, evaluating);
    const results = allocateResults(columns.count);
    for (const { settings, indices, label } of groups) {
      const { volume, ahtSeconds, shrinkage, agents } = columns;
      const input = evaluating ? { volume, ahtSeconds, shrinkage, agents } : { volume, ahtSeconds, shrinkage };
      const first = await this.runner.run(settings, input, indices, results);
      if (first >= 0) {
        throw new DomainError(
          'GOAL_UNREACHABLE',
          `intervals[${first}]: no agent count meets the goal${label} (${JSON.stringify(settings.goals)})`,
          { errors: [{ field: `intervals[${first}]`, reason: 'no agent count meets every goal' }] },
        );
      }
    }
    const intervalMinutes = body.intervalMinutes ?? 30;
    return { ...this.respond(columns, results, groups, evaluating, intervalMinutes), notes };
  }

  /**
   * One group per channel named in the intervals, with the channel's stored settings, each
   * overridden by the body where it gives one (a goal in the body replaces the channel's goal
   * as a whole; shrinkage, patience, concurrency and interval length one by one); intervals
   * without a channel form one group of the body's settings, allowed only with a goal in the
   * body. A channel code that does not exist is a 422 (UNKNOWN_CHANNELS).
   */
  private async groups(
    tenantId: string,
    body: StaffingRequestDto,
    columns: IntervalColumns,
    evaluating: boolean,
  ): Promise<{ groups: Array<{ settings: StaffingSettings; indices: Int32Array | null; label: string }>; notes: string[] }> {
    const model = body.model ?? 'erlang-c';
    const definition = body.serviceLevelDefinition ?? DEFAULT_SERVICE_LEVEL_DEFINITION;
    const positions = new Map<string | undefined, number[]>();
    const missing: FieldError[] = [];
    for (let i = 0; i < columns.count; i++) {
      const code = columns.channel[i];
      if (code === undefined && !body.goal) {
        if (missing.length < 100) missing.push({ field: `intervals[${i}].channel`, reason: 'is required when the request has no goal (the channel’s stored goal applies)' });
        continue;
      }
      const list = positions.get(code) ?? [];
      list.push(i);
      positions.set(code, list);
    }
    if (missing.length) throw validationFailed(missing);
    const codes = [...positions.keys()].filter((c): c is string => c !== undefined);
    const byCode = codes.length ? await this.channels.requireAll(tenantId, codes) : new Map<string, Channel>();
    const whole = positions.size === 1;
    const out: Array<{ settings: StaffingSettings; indices: Int32Array | null; label: string }> = [];
    const problems: FieldError[] = [];
    const notes: string[] = [];
    for (const [code, list] of positions) {
      const channel = code === undefined ? undefined : byCode.get(code);
      const settings: StaffingSettings = channel
        ? channelSettings(channel, model, {
          definition,
          ...(body.shrinkage !== undefined ? { shrinkage: body.shrinkage } : {}),
          ...(body.patienceSeconds !== undefined ? { patienceSeconds: body.patienceSeconds } : {}),
          ...(body.concurrency !== undefined ? { concurrency: body.concurrency } : {}),
        })
        : {
          model,
          intervalSeconds: 30 * 60,
          goals: {},
          thresholdSeconds: undefined,
          definition,
          shrinkage: body.shrinkage ?? 0,
          patienceSeconds: body.patienceSeconds,
          concurrency: body.concurrency ?? 1,
        };
      if (body.goal) {
        settings.goals = goalsOf(body.goal);
        settings.thresholdSeconds = body.goal.thresholdSeconds ?? channel?.thresholdSeconds;
      } else if (channel) notes.push(...unusedChannelGoals(channel, model));
      if (body.intervalMinutes !== undefined) settings.intervalSeconds = body.intervalMinutes * 60;
      const label = code === undefined ? '' : ` of channel ${code}`;
      problems.push(...checkSettings(settings, code === undefined ? '' : `channel ${code}`, !evaluating));
      // The intervals of a channel get its interval length in the totals: they keep their positions.
      out.push({ settings, indices: whole && code === undefined ? null : Int32Array.from(list), label });
    }
    if (problems.length) throw validationFailed(problems);
    return { groups: out, notes };
  }

  private respond(
    columns: IntervalColumns,
    r: StaffingResultColumns,
    groups: Array<{ settings: StaffingSettings; indices: Int32Array | null }>,
    evaluating: boolean,
    defaultIntervalMinutes: number,
  ): Omit<StaffingResponseDto, 'notes'> {
    const hours = new Float64Array(columns.count).fill(defaultIntervalMinutes / 60);
    for (const g of groups) {
      if (g.indices) for (const i of g.indices) hours[i] = g.settings.intervalSeconds / 3600;
    }
    const intervals: StaffingIntervalResultDto[] = new Array<StaffingIntervalResultDto>(columns.count);
    let agentHours = 0;
    let agentHoursFractional = 0;
    let requiredWithShrinkageHours = 0;
    let volume = 0;
    for (let i = 0; i < columns.count; i++) {
      const h = hours[i];
      agentHours += (r.agents[i]) * h;
      agentHoursFractional += (r.agentsFractional[i]) * h;
      requiredWithShrinkageHours += (r.requiredWithShrinkage[i]) * h;
      volume += columns.volume[i];
      // One object shape for every row (undefined start or channel is left out by JSON).
      intervals[i] = {
        start: columns.start[i],
        channel: columns.channel[i],
        agents: r.agents[i],
        agentsFractional: evaluating ? null : nullable(r.agentsFractional[i]),
        requiredWithShrinkage: r.requiredWithShrinkage[i],
        serviceLevel: nullable(r.serviceLevel[i]),
        asaSeconds: nullable(r.asaSeconds[i]),
        waitProbability: nullable(r.waitProbability[i]),
        occupancy: nullable(r.occupancy[i]),
        abandonRate: nullable(r.abandonRate[i]),
        blockingProbability: nullable(r.blockingProbability[i]),
        binding: evaluating ? null : (BINDING_GOALS[r.binding[i]] ?? null),
        warnings: WARNING_LISTS[r.warnings[i]] ?? warningNames(r.warnings[i]),
      };
    }
    return {
      intervals,
      totals: {
        agentHours,
        agentHoursFractional: evaluating ? null : agentHoursFractional,
        requiredWithShrinkageHours,
        volume,
      },
    };
  }
}
