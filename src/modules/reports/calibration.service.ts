import { Injectable } from '@nestjs/common';
import { estimatePatience } from '../../core/calibration/estimate-patience.js';
import { summarizeResiduals, type ResidualSummary } from '../../core/calibration/summarize-residuals.js';
import type { Channel } from '../channels/channel.js';
import { ChannelsService } from '../channels/channels.service.js';
import { zoneClockFor } from '../channels/zone-clocks.js';
import { listingChannels, type ListingChannel } from '../listing/interval-query.js';
import { DEFAULT_LIMIT, decodeCursor, readPage } from '../listing/paging.js';
import type { Listing, VersionedListing, ListingFormat } from '../listing/send-listing.js';
import { CALIBRATION_COLUMNS, type CalibrationQueryDto, type CalibrationRowDto, type PatienceSource } from './dto/calibration.dto.js';
import { concatBatches, IntervalReader, predictable, predictServiceLevel, selectIntervals, type IntervalBatch } from './interval-reader.js';
import { ReportsRepository } from './reports.repository.js';

const TOTALS = '*';
const CHUNK = 2000;

/** What one channel contributes: its row, and its residuals for the all-channels row. */
interface ChannelCalibration {
  row: CalibrationRowDto;
  abandoned: number[];
  wait: number[];
  erlangC: Float64Array;
  erlangA: Float64Array;
  offered: number;
  abandonedWaitLogged: number;
}

const nullable = (x: number): number | null => (Number.isFinite(x) ? x : null);

function residualColumns(prefix: 'erlangC' | 'erlangA', s: ResidualSummary): Partial<CalibrationRowDto> {
  return {
    [`${prefix}Intervals`]: s.count,
    [`${prefix}ResidualMean`]: nullable(s.mean),
    [`${prefix}ResidualStdDev`]: nullable(s.standardDeviation),
    [`${prefix}ResidualP10`]: nullable(s.p10),
    [`${prefix}ResidualP50`]: nullable(s.p50),
    [`${prefix}ResidualP90`]: nullable(s.p90),
    [`${prefix}ResidualMeanAbs`]: nullable(s.meanAbsolute),
  };
}

/** Residuals achieved − predicted of the intervals with a prediction. */
function residuals(b: IntervalBatch, predicted: Float64Array): Float64Array {
  const out: number[] = [];
  for (let k = 0; k < b.length; k++) {
    if (!Number.isNaN(predicted[k])) out.push(b.within[k] / (b.answered[k] + b.abandoned[k]) - predicted[k]);
  }
  return Float64Array.from(out);
}

/**
 * GET /reports/calibration: how far Erlang C and Erlang A were from reality per
 * channel, and the patience that best explains the observed abandonment.
 *
 * Per channel over [from, to): θ = Σ abandoned ÷ Σ time in queue over the intervals with
 * actuals (`estimatePatience`; abandoned waits from per-contact logs, else imputed at the
 * interval ASA), mean patience 1/θ. Over the intervals with actuals, staffed agents and answered
 * contacts, each model predicts the service level for the staffed agents, the offered volume and
 * the actual AHT at the threshold the actuals were counted at; residual = achieved − predicted,
 * summarised by `summarizeResiduals`. Erlang A uses the estimated patience; with no estimate,
 * the channel's patience setting; with neither and no abandonment, unbounded patience (Erlang
 * A tends to Erlang C, whose predictions it then takes); with abandonment but no recorded wait
 * and no setting, it is not evaluated. The `*` row pools the channels: summed contacts and wait,
 * every channel's residuals (each predicted with that channel's own patience).
 */
@Injectable()
export class CalibrationService {
  constructor(
    private readonly repository: ReportsRepository,
    private readonly reader: IntervalReader,
    private readonly channels: ChannelsService,
  ) {}

  async report(tenantId: string, query: CalibrationQueryDto, format: ListingFormat): Promise<VersionedListing> {
    const all = await this.channels.list(tenantId);
    const byCode = new Map(all.map((c) => [c.code, c]));
    const chosen = listingChannels(all, query);
    return { version: await this.repository.dataFingerprint(tenantId), format, build: async (): Promise<Listing> => {
      const cursor = decodeCursor(query.cursor);

      const parts: ChannelCalibration[] = [];
      for (const c of chosen) parts.push(await this.channel(tenantId, all, byCode.get(c.code)!, c));
      const rows = new Map<string, CalibrationRowDto>(parts.map((p) => [p.row.channel, p.row]));
      if (chosen.length) rows.set(TOTALS, this.totals(parts));
      const listed: ListingChannel[] = chosen.length ? [{ id: 0, code: TOTALS, clock: zoneClockFor('UTC'), fromMs: 0, toMs: 0 }, ...chosen] : [];
      const source = {
        fetch: (c: ListingChannel, after: string | null) => Promise.resolve(after === null ? [rows.get(c.code)!] : []),
        keyOf: () => 'row',
      };
      if (format === 'csv') {
        return {
          type: 'csv',
          filename: 'calibration.csv',
          header: CALIBRATION_COLUMNS,
          rows: (async function* () {
            for (const c of listed) {
              const row = rows.get(c.code)! as unknown as Record<string, unknown>;
              yield await Promise.resolve(CALIBRATION_COLUMNS.map((column) => row[column.replace(/_([a-z0-9])/g, (_m, x: string) => x.toUpperCase())]));
            }
          })(),
        };
      }
      const page = await readPage(listed, source, query.limit ?? DEFAULT_LIMIT, cursor);
      return { type: 'json', body: { data: page.rows.map(({ row }) => row), next: page.next } };
    } };
  }

  private async channel(tenantId: string, all: readonly Channel[], channel: Channel, c: ListingChannel): Promise<ChannelCalibration> {
    const logged = new Map((await this.repository.abandonedWaits(tenantId, channel.id, c.fromMs, c.toMs)).map((r) => [r.t, r]));
    const abandoned: number[] = [];
    const wait: number[] = [];
    const kept: IntervalBatch[] = [];
    let offered = 0;
    let answered = 0;
    let answeredWait = 0;
    let abandonedWaitLogged = 0;
    const unlogged: Array<{ index: number; abandoned: number; answered: number; wait: number }> = [];
    for await (const b of this.reader.batches({
      tenantId, all, channel, granularity: 'interval', timeZone: 'UTC', fromMs: c.fromMs, toMs: c.toMs, versionIds: [], plan: false, batchSize: CHUNK,
    })) {
      for (let k = 0; k < b.length; k++) {
        if (Number.isNaN(b.offered[k])) continue;
        const [intervalAbandoned, intervalAnswered, intervalWait] = [b.abandoned[k], b.answered[k], b.waitSeconds[k]];
        offered += b.offered[k];
        answered += intervalAnswered;
        answeredWait += intervalWait;
        const log = logged.get(b.t[k]);
        if (intervalAbandoned === 0 || (log && log.abandoned === intervalAbandoned)) {
          abandonedWaitLogged += intervalAbandoned;
          wait.push(intervalWait + (intervalAbandoned === 0 ? 0 : log!.waitSeconds));
        } else {
          unlogged.push({ index: wait.length, abandoned: intervalAbandoned, answered: intervalAnswered, wait: intervalWait });
          wait.push(intervalWait);
        }
        abandoned.push(intervalAbandoned);
      }
      kept.push(selectIntervals(b, (k) => predictable(b, k) && b.answered[k] + b.abandoned[k] > 0));
    }
    // Abandoned contacts without a logged wait: the interval ASA, or the range ASA when the interval answered none.
    const rangeAsa = answered > 0 ? answeredWait / answered : 0;
    for (const u of unlogged) wait[u.index] += u.abandoned * (u.answered > 0 ? u.wait / u.answered : rangeAsa);

    const estimate = estimatePatience(Float64Array.from(abandoned), Float64Array.from(wait));
    const modelled = concatBatches(kept);
    const erlangC = residuals(modelled, predictServiceLevel(channel, modelled, 'erlang-c'));
    let source: PatienceSource;
    let patience: number | null;
    if (Number.isFinite(estimate.patienceSeconds)) [source, patience] = ['estimated', estimate.patienceSeconds];
    else if (channel.patienceSeconds !== null && channel.patienceSeconds > 0) [source, patience] = ['channel', channel.patienceSeconds];
    else if (estimate.abandoned === 0) [source, patience] = ['unbounded', null];
    else [source, patience] = ['none', null];
    const erlangA = source === 'unbounded' ? erlangC
      : patience === null ? new Float64Array(0)
        : residuals(modelled, predictServiceLevel(channel, modelled, 'erlang-a', patience));
    const row = {
      channel: channel.code,
      ...this.patienceColumns(abandoned.length, offered, estimate, abandonedWaitLogged),
      erlangAPatienceSeconds: patience,
      erlangAPatienceSource: source,
      ...residualColumns('erlangC', summarizeResiduals(erlangC)),
      ...residualColumns('erlangA', summarizeResiduals(erlangA)),
    } as CalibrationRowDto;
    return { row, abandoned, wait, erlangC, erlangA, offered, abandonedWaitLogged };
  }

  private patienceColumns(intervals: number, offered: number, e: ReturnType<typeof estimatePatience>, abandonedWaitLogged: number): Partial<CalibrationRowDto> {
    return {
      intervals,
      offered,
      abandoned: e.abandoned,
      waitSeconds: e.waitSeconds,
      abandonedWaitLogged,
      abandonmentRatePerSecond: nullable(e.abandonmentRatePerSecond),
      patienceSeconds: nullable(e.patienceSeconds),
    };
  }

  private totals(parts: readonly ChannelCalibration[]): CalibrationRowDto {
    const concat = (pick: (p: ChannelCalibration) => ArrayLike<number>): Float64Array => {
      const out = new Float64Array(parts.reduce((n, p) => n + pick(p).length, 0));
      let at = 0;
      for (const p of parts) {
        out.set(pick(p), at);
        at += pick(p).length;
      }
      return out;
    };
    const abandoned = concat((p) => p.abandoned);
    const estimate = estimatePatience(abandoned, concat((p) => p.wait));
    return {
      channel: TOTALS,
      ...this.patienceColumns(abandoned.length, parts.reduce((n, p) => n + p.offered, 0), estimate, parts.reduce((n, p) => n + p.abandonedWaitLogged, 0)),
      erlangAPatienceSeconds: null,
      erlangAPatienceSource: 'per-channel',
      ...residualColumns('erlangC', summarizeResiduals(concat((p) => p.erlangC))),
      ...residualColumns('erlangA', summarizeResiduals(concat((p) => p.erlangA))),
    } as CalibrationRowDto;
  }
}
