import { Injectable } from '@nestjs/common';
import { accuracyMeasures } from '../../core/forecasting/accuracy-measures.js';
import { ahtProfile } from '../../core/forecasting/aht-profile.js';
import { autoForecast, type AutoForecastResult } from '../../core/forecasting/auto-forecast.js';
import { predictionBands } from '../../core/forecasting/prediction-bands.js';
import { prepareHistory } from '../../core/forecasting/prepare-history.js';
import { rollingOriginBacktest } from '../../core/forecasting/rolling-origin-backtest.js';
import { sumBlocks } from '../../core/forecasting/sum-blocks.js';
import { FORECAST_METHODS, MINIMUM_HISTORY_DAYS, type AccuracyMeasures, type ForecastChoice } from '../../core/forecasting/types.js';
import { DomainError, validationFailed } from '../../platform/errors/domain-error.js';
import { ChannelsService } from '../channels/channels.service.js';
import { versionJson } from '../forecasts/forecast.sink.js';
import type { ForecastRowInput } from '../forecasts/forecast-version.js';
import { ForecastsService } from '../forecasts/forecasts.service.js';
import type { Uploader } from '../uploads/ingest.types.js';
import type { JobDto } from '../jobs/index.js';
import { JobsService } from '../jobs/jobs.service.js';
import { ChannelGrid } from './channel-grid.js';
import type {
  AccuracyDto, BacktestResponseDto, BacktestResultDto, ChannelModelJson, ForecastBacktestDto, ForecastGenerateDto, ForecastGenerateResponseDto,
  ForecastModelMetadataJson, GenerateWarningDto, MissingDataDto, MonthAccuracyDto,
} from './dto/forecasting.dto.js';
import { ForecastingRepository, type SpecialDayRow } from './forecasting.repository.js';

/** AHT when a channel has no handled contact at all in its history (seconds). */
const FALLBACK_AHT_SECONDS = 180;
/** Weeks of history the AHT profile averages. */
const AHT_WEEKS = 6;
/** Larger runs (channels × history intervals) answer 202 with a job: about 3 s of work at most. */
const SYNC_LIMIT_INTERVALS = 400_000;
/** Most days between the last actuals and the horizon (forecast through, then dropped). */
const MAX_GAP_DAYS = 91;

function finite(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/** Missing days (local dates) and missing intervals of a loaded history, special days apart. */
function missingData(volume: Float64Array, s: number, startDay: number, excluded: Uint8Array, open: Uint8Array | null): MissingDataDto {
  const p = prepareHistory(volume, s, { open: open ?? undefined });
  const days: string[] = [];
  let intervals = 0;
  for (let d = 0; d < excluded.length; d++) {
    if (excluded[d]) continue;
    if (p.missingDays[d]) days.push(ChannelGrid.dateOf(startDay + d));
    for (let j = 0; j < s; j++) if (p.open[(d % 7) * s + j] && Number.isNaN(p.train[d * s + j])) intervals++;
  }
  return { days, intervals };
}

function accuracyDto(m: AccuracyMeasures): AccuracyDto {
  return { wape: finite(m.wape), mape: finite(m.mape), bias: finite(m.bias), withinFivePercent: finite(m.withinFivePercent), sumForecast: m.sumForecast, sumActual: m.sumActual, points: m.points };
}

/** Special days as flags per day from `startDay`, and the volume factor of each (0 closed). */
function dayFlags(special: readonly SpecialDayRow[], code: string, startDay: number, days: number): { excluded: Uint8Array; factor: Map<number, number> } {
  const excluded = new Uint8Array(days);
  const factor = new Map<number, number>();
  // the all-channels entries first, so that a channel's own entry for the same day wins
  const ordered = [...special.filter((s) => s.channelCode === '*'), ...special.filter((s) => s.channelCode === code)];
  for (const s of ordered) {
    const d = ChannelGrid.dayOf(s.day);
    factor.set(d, s.kind === 'closed' ? 0 : (s.volumeFactor ?? (s.kind === 'holiday' ? 0 : 1)));
    if (d >= startDay && d < startDay + days) excluded[d - startDay] = 1;
  }
  return { excluded, factor };
}

/**
 * Forecasting: back-tests of the interval methods on a channel's actuals, and forecast versions
 * generated from them (source `model:<method>`, stored through ForecastsService like uploads).
 */
@Injectable()
export class ForecastingService {
  constructor(
    private readonly repository: ForecastingRepository,
    private readonly channels: ChannelsService,
    private readonly forecasts: ForecastsService,
    private readonly jobs: JobsService,
  ) {}

  /**
   * POST /forecasts/generate: 201 with the version for a run of at most 400,000 history
   * intervals in all (about 3 s), else (or with `async: true`) 202 with a job reporting progress.
   */
  async generateOrStart(tenantId: string, uploader: Uploader, body: ForecastGenerateDto): Promise<{ status: 201; body: ForecastGenerateResponseDto } | { status: 202; body: JobDto }> {
    const channels = await this.channels.requireAll(tenantId, body.channels);
    const weeks = body.historyWeeks ?? 12;
    const intervals = [...channels.values()].reduce((n, c) => n + weeks * 7 * (1440 / c.intervalMinutes), 0);
    if (body.async === true || intervals > SYNC_LIMIT_INTERVALS) {
      return { status: 202, body: await this.jobs.start(tenantId, 'forecast-generate', (progress) => this.generate(tenantId, uploader, body, progress)) };
    }
    return { status: 201, body: await this.generate(tenantId, uploader, body) };
  }

  /**
   * POST /forecasts/backtest: rolling-origin evaluation, one row per channel and method, and per
   * channel the missing days and intervals found in the loaded history (left out of every score).
   */
  async backtest(tenantId: string, body: ForecastBacktestDto): Promise<BacktestResponseDto> {
    const channels = await this.channels.requireAll(tenantId, body.channels);
    const methods: ForecastChoice[] = body.methods ?? [...FORECAST_METHODS];
    const fromDay = ChannelGrid.dayOf(body.from);
    const toDay = ChannelGrid.dayOf(body.to);
    const origins = Math.floor((toDay - fromDay - body.horizonDays) / 7) + 1;
    if (!(origins >= 1)) throw validationFailed([{ field: 'to', value: body.to, reason: 'must leave at least one whole horizon after from' }]);
    const trainDays = (body.historyWeeks ?? 12) * 7;
    const tooShort = methods.filter((m) => MINIMUM_HISTORY_DAYS[m] > trainDays);
    if (tooShort.length) throw validationFailed([{ field: 'historyWeeks', value: body.historyWeeks, reason: `too short for ${tooShort.join(', ')}` }]);
    const startDay = fromDay - trainDays;
    const endDay = fromDay + (origins - 1) * 7 + body.horizonDays;
    const special = await this.repository.specialDays(tenantId, body.channels, ChannelGrid.dateOf(startDay), ChannelGrid.dateOf(endDay));
    const data: BacktestResultDto[] = [];
    const best: Record<string, ForecastChoice> = {};
    const missing: Record<string, MissingDataDto> = {};
    for (const code of [...new Set(body.channels)]) {
      const grid = new ChannelGrid(channels.get(code)!);
      const s = grid.slotsPerDay;
      const days = endDay - startDay;
      const rows = await this.repository.readHistory(tenantId, grid.channel.id, grid.startOf(startDay), grid.startOf(endDay));
      const { volume } = grid.columns(rows, startDay, days);
      const { excluded } = dayFlags(special, code, startDay, days);
      const open = grid.openMask(startDay);
      missing[code] = missingData(volume, s, startDay, excluded, open);
      let bestWape = Infinity;
      for (const method of methods) {
        const f = new Float64Array(origins * body.horizonDays * s);
        const a = new Float64Array(f.length);
        rollingOriginBacktest(method, volume, s, { firstOriginDay: trainDays, origins, horizonDays: body.horizonDays, stepDays: 7, trainDays, excludedDays: excluded, firstDay: startDay, open: open ?? undefined }, f, a);
        const fd = new Float64Array(f.length / s);
        const ad = new Float64Array(fd.length);
        sumBlocks(f, s, fd);
        sumBlocks(a, s, ad);
        const months = new Map<string, { forecast: number; actual: number }>();
        for (let k = 0; k < origins; k++) {
          for (let h = 0; h < body.horizonDays; h++) {
            const i = k * body.horizonDays + h;
            if (Number.isNaN(fd[i]) || Number.isNaN(ad[i])) continue; // a day with a missing actual is not scored
            const month = ChannelGrid.monthOf(fromDay + 7 * k + h);
            const m = months.get(month) ?? { forecast: 0, actual: 0 };
            m.forecast += fd[i];
            m.actual += ad[i];
            months.set(month, m);
          }
        }
        const byMonth: MonthAccuracyDto[] = [...months].sort(([x], [y]) => x.localeCompare(y)).map(([month, m]) => ({ month, ...m, accuracy: m.actual > 0 ? (m.forecast - m.actual) / m.actual : null }));
        const interval = accuracyMeasures(f, a);
        data.push({ channel: code, method, origins, interval: accuracyDto(interval), daily: accuracyDto(accuracyMeasures(fd, ad)), byMonth });
        if (interval.wape < bestWape) {
          bestWape = interval.wape;
          best[code] = method;
        }
      }
    }
    return { data, best, missing };
  }

  /**
   * POST /forecasts/generate: forecasts every channel from its recent actuals (auto: the method,
   * or the combination, with the lowest WAPE over one-week back-tests on the last 4 weeks of the
   * history), with p10 and p90 per interval from that back-test, then stores one version with
   * all channels and the per-channel choice in its metadata. Per channel, not all or nothing: a
   * channel with too short a history for the method asked gets the best method its history
   * allows (down to weekday-mean on one week), and one with less than a week of actuals is left
   * out; both with a warning.
   * @throws DomainError 422 INSUFFICIENT_HISTORY when no channel has a week of actuals
   */
  async generate(tenantId: string, uploader: Uploader, body: ForecastGenerateDto, progress: (fraction: number) => void = () => undefined): Promise<ForecastGenerateResponseDto> {
    const started = performance.now();
    const channels = await this.channels.requireAll(tenantId, body.channels);
    const historyWeeks = body.historyWeeks ?? 12;
    const horizonDay = ChannelGrid.dayOf(body.horizonStart);
    const special = await this.repository.specialDays(
      tenantId, body.channels, ChannelGrid.dateOf(horizonDay - historyWeeks * 7 - 400), ChannelGrid.dateOf(horizonDay + body.horizonDays),
    );
    const rows: ForecastRowInput[] = [];
    const metadata: ForecastModelMetadataJson = { method: body.method, horizonStart: body.horizonStart, horizonDays: body.horizonDays, historyWeeks, channels: {} };
    const warnings: GenerateWarningDto[] = [];
    const failures: DomainError[] = [];
    const codes = [...new Set(body.channels)];
    for (const [i, code] of codes.entries()) {
      const grid = new ChannelGrid(channels.get(code)!);
      try {
        const model = await this.forecastChannel(tenantId, grid, body, historyWeeks, horizonDay, special, rows);
        metadata.channels[code] = model;
        if (model.warning) warnings.push({ channel: code, code: 'SHORT_HISTORY', message: model.warning });
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'INSUFFICIENT_HISTORY') throw error;
        failures.push(error);
        warnings.push({ channel: code, code: 'INSUFFICIENT_HISTORY', message: `${error.message}: not forecast` });
      }
      progress((i + 1) / (codes.length + 1));
    }
    if (rows.length === 0) {
      // no channel could be forecast: the one error, or all of them
      if (failures.length === 1) throw failures[0];
      throw new DomainError('INSUFFICIENT_HISTORY', failures.map((f) => f.message).join('; '), { warnings });
    }
    const methods = new Set(Object.values(metadata.channels).map((c) => c.method));
    const source = methods.size === 1 ? `model:${[...methods][0]}` : 'model:auto';
    const { version } = await this.forecasts.createVersion(tenantId, {
      label: body.label ?? `${body.method} forecast from ${body.horizonStart}`,
      source,
      rows,
      createdBy: uploader,
    });
    metadata.warnings = warnings;
    await this.repository.setMetadata(tenantId, version.id, metadata);
    return { version: { ...versionJson(version), metadata: metadata as unknown as Record<string, unknown> }, metadata, warnings, elapsedMs: Math.round(performance.now() - started) };
  }

  private async forecastChannel(
    tenantId: string,
    grid: ChannelGrid,
    body: ForecastGenerateDto,
    historyWeeks: number,
    horizonDay: number,
    special: readonly SpecialDayRow[],
    out: ForecastRowInput[],
  ): Promise<ChannelModelJson> {
    const code = grid.channel.code;
    const s = grid.slotsPerDay;
    const last = await this.repository.lastActual(tenantId, grid.channel.id, grid.startOf(horizonDay));
    if (last === null) throw new DomainError('INSUFFICIENT_HISTORY', `channel ${code} has no actuals before ${body.horizonStart}`, { channel: code });
    // History ends with the last day that has actuals (a gap before the horizon is forecast too, then dropped).
    const endDay = Math.min(horizonDay, grid.dayAt(last) + 1);
    if (horizonDay - endDay > MAX_GAP_DAYS) {
      throw new DomainError('INSUFFICIENT_HISTORY', `channel ${code} has no actuals in the ${MAX_GAP_DAYS} days before ${body.horizonStart}`, { channel: code, lastActual: new Date(last).toISOString() });
    }
    let startDay = endDay - historyWeeks * 7;
    const rows = await this.repository.readHistory(tenantId, grid.channel.id, grid.startOf(startDay), grid.startOf(endDay));
    if (rows.length > 0) startDay = Math.max(startDay, grid.dayAt(rows[0].t));
    const days = endDay - startDay;
    const { volume, handled, handleSeconds } = grid.columns(rows, startDay, days);
    const flags = dayFlags(special, code, startDay, days);
    const minimum = MINIMUM_HISTORY_DAYS['weekday-mean'];
    if (days < minimum) {
      throw new DomainError('INSUFFICIENT_HISTORY', `channel ${code} has ${days} days of actuals before ${body.horizonStart}; every method needs ${minimum}`, { channel: code, days, needed: minimum });
    }
    // a history too short for the method asked: the best method it allows, with a warning
    let choice: ForecastChoice = body.method;
    let warning: string | null = null;
    if (days < MINIMUM_HISTORY_DAYS[choice]) {
      warning = `channel ${code} has ${days} days of actuals; ${choice} needs ${MINIMUM_HISTORY_DAYS[choice]}`;
      choice = 'auto';
    }
    const gap = horizonDay - endDay;
    const n = (gap + body.horizonDays) * s;
    const forecast = new Float64Array(n);
    const open = grid.openMask(startDay) ?? undefined;
    const r: AutoForecastResult = autoForecast(choice, volume, s, gap + body.horizonDays, forecast, { excludedDays: flags.excluded, open, firstDay: startDay });
    if (r.warning || warning) warning = [warning, r.warning].filter((w) => w !== null).join('; ') + `: forecast with ${r.method}`;
    const p10 = new Float64Array(n);
    const p90 = new Float64Array(n);
    predictionBands(forecast, s, r.backtest?.forecast ?? new Float64Array(0), r.backtest?.actual ?? new Float64Array(0), p10, p90);
    const aht = new Float64Array(7 * s);
    ahtProfile(handled, handleSeconds, s, AHT_WEEKS, FALLBACK_AHT_SECONDS, aht);
    for (let h = 0; h < body.horizonDays; h++) {
      const day = horizonDay + h;
      const factor = flags.factor.get(day) ?? 1;
      const w = (days + gap + h) % 7;
      for (let j = 0; j < s; j++) {
        const instants = grid.instantsOf(day, j);
        const t = (gap + h) * s + j;
        const share = factor / (instants.length || 1);
        for (const at of instants) {
          out.push({ channel: code, intervalStart: new Date(at), volume: forecast[t] * share, ahtSeconds: aht[w * s + j], volumeP10: p10[t] * share, volumeP90: p90[t] * share });
        }
      }
    }
    const scores: ChannelModelJson['backtest'] = {};
    for (const [m, sc] of Object.entries(r.scores)) scores[m as keyof typeof scores] = { intervalWape: finite(sc.intervalWape), dailyWape: finite(sc.dailyWape), origins: sc.origins };
    const gaps = missingData(volume, s, startDay, flags.excluded, open ?? null);
    return {
      method: r.method,
      members: r.members,
      historyStart: ChannelGrid.dateOf(startDay),
      historyEnd: ChannelGrid.dateOf(endDay - 1),
      historyDays: days,
      backtest: Object.keys(scores).length ? scores : null,
      specialDays: flags.excluded.reduce((k, f) => k + f, 0),
      missingDays: gaps.days,
      missingIntervals: gaps.intervals,
      warning,
    };
  }
}
