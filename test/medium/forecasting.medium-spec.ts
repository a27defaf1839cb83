import { plainToInstance } from 'class-transformer';
import { ActualsService } from '../../src/modules/actuals/actuals.service.js';
import { ChannelsService } from '../../src/modules/channels/channels.service.js';
import { ChannelPutDto } from '../../src/modules/channels/dto/channel.dto.js';
import { ForecastBacktestDto, ForecastGenerateDto } from '../../src/modules/forecasting/dto/forecasting.dto.js';
import { ForecastingService } from '../../src/modules/forecasting/forecasting.service.js';
import { ForecastsService } from '../../src/modules/forecasts/forecasts.service.js';
import { jsonRowsSource } from '../../src/modules/uploads/upload-body.js';
import { DomainError } from '../../src/platform/errors/domain-error.js';
import { startMediumContext, type MediumContext, type MediumTenant } from '../support/medium-context.js';
import { relativeError } from '../support/relative-error.js';

/*
 * ForecastingService (back-test, generate) on interval actuals stored through ActualsService,
 * read back through ForecastsService, on PostgreSQL without HTTP. The history is five weeks
 * (2026-01-05, a Monday, to 2026-02-08) of half-hours in UTC, open 08:00-18:00 (slots 16..35):
 *   offered = DAY[weekday] × (1 + slot mod 4), handle time 200 s per contact.
 * `support` repeats the same week five times; `sales` is the same, but its fifth week is ×1.5.
 * Every expected number below is counted by hand from that definition:
 * - a week holds Σ DAY × Σ(1 + slot mod 4) = 84 × 50 = 4200 contacts;
 * - seasonal naive (each interval = the same interval a week before; Hyndman & Athanasopoulos,
 *   "Forecasting: Principles and Practice", 3rd ed., §5.2) is exact on `support`: WAPE 0;
 * - on `sales`, origins weeks 4 and 5: week 4 exact, week 5 forecast 4200 for 6300 actual:
 *   WAPE = Σ|F−A| ÷ ΣA = 2100 ÷ 10500 = 0.2, bias −0.2, MAPE over the 280 open intervals
 *   (140 × 0 + 140 × 1/3) ÷ 280 = 1/6, half of them within ±5 %;
 * - by month (local months of the horizon days): January holds Mon-Sat of week 4
 *   (78 × 50 = 3900, exact); February its Sunday (6 × 50 = 300) and week 5.
 */
const DAY = [10, 12, 14, 16, 18, 8, 6]; // Monday..Sunday, even so that ×1.5 stays whole
const FIRST_DAY_MS = Date.UTC(2026, 0, 5);
const WEEKS = 5;
const offered = (weekday: number, slot: number, factor = 1): number =>
  slot >= 16 && slot < 36 ? DAY[weekday] * (1 + (slot % 4)) * factor : 0;
const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

/** The JSON rows of an interval-actuals upload for one channel's five weeks (open intervals only). */
function history(channel: string, lastWeekFactor: number): Array<Record<string, unknown>> {
  const rows: Array<Record<string, unknown>> = [];
  for (let day = 0; day < WEEKS * 7; day++) {
    for (let slot = 16; slot < 36; slot++) {
      const n = offered(day % 7, slot, day >= 28 ? lastWeekFactor : 1);
      rows.push({
        channel, intervalStart: iso(FIRST_DAY_MS + day * 86_400_000 + slot * 1_800_000), offered: n, answered: n, abandoned: 0,
        answeredWithinThreshold: n, abandonedWithinThreshold: 0, thresholdSeconds: 20, handleSeconds: 200 * n, waitSeconds: 0,
      });
    }
  }
  return rows;
}

describe('forecasting services (medium: real repositories, PostgreSQL, no HTTP)', () => {
  let ctx: MediumContext;
  let tenant: MediumTenant;
  let forecasting: ForecastingService;
  let forecasts: ForecastsService;

  beforeAll(async () => {
    ctx = await startMediumContext();
    tenant = await ctx.newTenant();
    forecasting = ctx.app.get(ForecastingService);
    forecasts = ctx.app.get(ForecastsService);
    for (const code of ['support', 'sales']) {
      await ctx.app.get(ChannelsService).put(tenant.tenantId, code, plainToInstance(ChannelPutDto, { name: code, media: 'voice-inbound', timeZone: 'UTC', intervalMinutes: 30 }));
    }
    const upload = jsonRowsSource([...history('support', 1), ...history('sales', 1.5)]);
    const stored = await ctx.app.get(ActualsService).uploadIntervals(tenant.tenantId, tenant.uploader('planner'), upload, null, null);
    expect(stored).toMatchObject({ rows: 2 * WEEKS * 7 * 20, channels: ['sales', 'support'], firstIntervalStart: '2026-01-05T08:00:00Z', lastIntervalStart: '2026-02-08T17:30:00Z' });
  });
  afterAll(() => ctx.close());

  it('back-tests seasonal naive: WAPE 0 on the repeating week, 0.2 after the step, by month', async () => {
    const res = await forecasting.backtest(tenant.tenantId, plainToInstance(ForecastBacktestDto, {
      channels: ['support', 'sales'], from: '2026-01-26', to: '2026-02-09', horizonDays: 7, historyWeeks: 3, methods: ['seasonal-naive'],
    }));
    expect(res.best).toEqual({ support: 'seasonal-naive', sales: 'seasonal-naive' });
    const support = res.data.find((r) => r.channel === 'support')!;
    expect(support).toMatchObject({ method: 'seasonal-naive', origins: 2 });
    expect(support.interval).toEqual({ wape: 0, mape: 0, bias: 0, withinFivePercent: 1, sumForecast: 8400, sumActual: 8400, points: 2 * 7 * 48 });
    expect(support.daily).toEqual({ wape: 0, mape: 0, bias: 0, withinFivePercent: 1, sumForecast: 8400, sumActual: 8400, points: 14 });
    expect(support.byMonth).toEqual([
      { month: '2026-01', forecast: 3900, actual: 3900, accuracy: 0 },
      { month: '2026-02', forecast: 4500, actual: 4500, accuracy: 0 },
    ]);

    const sales = res.data.find((r) => r.channel === 'sales')!;
    expect(sales.interval).toMatchObject({ sumForecast: 8400, sumActual: 10500, points: 672 });
    expect(relativeError(sales.interval.wape, 0.2)).toBeLessThan(1e-9);
    expect(relativeError(sales.interval.bias, -0.2)).toBeLessThan(1e-9);
    expect(relativeError(sales.interval.mape, 1 / 6)).toBeLessThan(1e-9);
    expect(sales.interval.withinFivePercent).toBe(0.5);
    // daily totals: 7 exact days, then 7 days forecast at 2/3 of the actual (|F−A|/A = 1/3)
    expect(relativeError(sales.daily.wape, 0.2)).toBeLessThan(1e-9);
    expect(relativeError(sales.daily.mape, 1 / 6)).toBeLessThan(1e-9);
    expect(sales.byMonth.map((m) => [m.month, m.forecast, m.actual])).toEqual([['2026-01', 3900, 3900], ['2026-02', 4500, 6600]]);
    expect(relativeError(sales.byMonth[1].accuracy, (4500 - 6600) / 6600)).toBeLessThan(1e-9);
  });

  it('generates a seasonal-naive version that repeats the last week exactly, readable through ForecastsService', async () => {
    const res = await forecasting.generate(tenant.tenantId, tenant.uploader('planner'), plainToInstance(ForecastGenerateDto, {
      channels: ['support', 'sales'], horizonStart: '2026-02-09', horizonDays: 7, method: 'seasonal-naive', label: 'medium naive',
    }));
    expect(res.version).toMatchObject({
      label: 'medium naive', source: 'model:seasonal-naive', channels: ['sales', 'support'], rowCount: 2 * 7 * 48,
      firstIntervalStart: '2026-02-09T00:00:00Z', lastIntervalStart: '2026-02-15T23:30:00Z', createdByKeyName: 'planner key',
    });
    for (const code of ['support', 'sales']) {
      // Five full weeks, no gap: nothing missing; the method asked for is the one used.
      expect(res.metadata.channels[code]).toMatchObject({ method: 'seasonal-naive', historyStart: '2026-01-05', historyEnd: '2026-02-08', historyDays: 35, specialDays: 0, missingDays: [], missingIntervals: 0 });
    }

    expect(await forecasts.getVersionDto(tenant.tenantId, res.version.id)).toEqual(res.version);
    const rows = await forecasts.readIntervals(tenant.tenantId, res.version.id);
    expect(rows).toHaveLength(2 * 7 * 48);
    const expected = ['sales', 'support'].flatMap((code) =>
      Array.from({ length: 7 * 48 }, (_, i) => {
        const day = Math.floor(i / 48);
        return [code, iso(Date.UTC(2026, 1, 9) + i * 1_800_000), offered(day, i % 48, code === 'sales' ? 1.5 : 1)];
      }),
    );
    expect(rows.map((r) => [r.channelCode, iso(r.intervalStart.getTime()), r.volume])).toEqual(expected);
    for (const r of rows) if (r.volume > 0) expect(r.ahtSeconds).toBe(200); // 200 s per contact, every week
  });

  it('refuses a horizon with no recent actuals with DomainError INSUFFICIENT_HISTORY', async () => {
    const error = await forecasting.generate(tenant.tenantId, tenant.uploader('planner'), plainToInstance(ForecastGenerateDto, {
      channels: ['support'], horizonStart: '2026-06-01', horizonDays: 7, method: 'seasonal-naive',
    })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'INSUFFICIENT_HISTORY', details: { channel: 'support' } });
  });
});
