import request from 'supertest';
import { failsWith } from '../support/error-body.js';
import { startTestApp, type TenantKeys, type TestApp } from '../support/test-app.js';

const HEADER = 'channel,interval_start,offered,answered,abandoned,answered_within_threshold,abandoned_within_threshold,threshold_seconds,handle_seconds,wait_seconds';
/** Week multipliers of the six weeks of history: one busy week, then back to normal. */
const WEEKS = [1, 1, 1, 1, 1.25, 1];
/** Contacts per half-hour, open 08:00–18:00 (slots 16..35), by weekday offset from the first day. */
function offered(week: number, day: number, slot: number): number {
  if (slot < 16 || slot >= 36 || day % 7 === 6) return 0; // closed nights and the 7th day of each week
  return Math.round(WEEKS[week] * (20 + 2 * (day % 7)) * (1 + (slot % 4)));
}

/** Six weeks of half-hour actuals from `first` (a local date of the channel), local wall clock, 200 s per handled contact. */
function history(channel: string, first: string): string[] {
  const rows: string[] = [];
  const start = Date.parse(`${first}T00:00:00Z`);
  for (let week = 0; week < 6; week++) {
    for (let day = 0; day < 7; day++) {
      const date = new Date(start + (week * 7 + day) * 86_400_000).toISOString().slice(0, 10);
      for (let slot = 0; slot < 48; slot++) {
        const n = offered(week, day, slot);
        if (n === 0) continue;
        const hh = String(Math.floor(slot / 2)).padStart(2, '0');
        rows.push(`${channel},${date} ${hh}:${slot % 2 ? '30' : '00'},${n},${n},0,${n},0,20,${200 * n},${5 * n}`);
      }
    }
  }
  return rows;
}

/**
 * Seasonal-naive's back-test of support worked out from the generator: origins 2026-02-02 (week
 * 4) and 2026-02-09 (week 5), each week forecast by the week before it (Hyndman & Athanasopoulos,
 * FPP 3rd ed., §5.2); closed intervals and the closed 7th days are 0 in both columns. The
 * measures by their definitions: WAPE Σ|F − A| ÷ ΣA, MAPE the mean of |F − A| ÷ A over A > 0,
 * bias (ΣF − ΣA) ÷ ΣA, the ±5% share over A > 0; daily WAPE on the day totals.
 */
function naiveBacktest(): { wape: number; mape: number; bias: number; withinFivePercent: number; dailyWape: number } {
  let error = 0;
  let forecast = 0;
  let actual = 0;
  let ape = 0;
  let points = 0;
  let within = 0;
  let dailyError = 0;
  for (const week of [4, 5]) {
    for (let day = 0; day < 7; day++) {
      let f = 0;
      let a = 0;
      for (let slot = 0; slot < 48; slot++) {
        const fi = offered(week - 1, day, slot);
        const ai = offered(week, day, slot);
        error += Math.abs(fi - ai);
        forecast += fi;
        actual += ai;
        if (ai > 0) {
          ape += Math.abs(fi - ai) / ai;
          points++;
          if (Math.abs(fi - ai) / ai <= 0.05) within++;
        }
        f += fi;
        a += ai;
      }
      dailyError += Math.abs(f - a);
    }
  }
  return { wape: error / actual, mape: ape / points, bias: (forecast - actual) / actual, withinFivePercent: within / points, dailyWape: dailyError / actual };
}

/** |actual − expected| ≤ 1e-9 × |expected| (1e-12 absolute when 0 is expected). */
function expectClose(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(expected === 0 ? 1e-12 : 1e-9 * Math.abs(expected));
}

describe('forecasting', () => {
  let t: TestApp;
  let tenant: TenantKeys;
  const as = (role: keyof TenantKeys['keys']): [string, string] => ['Authorization', `Bearer ${tenant.keys[role]}`];

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await t.newTenant();
    for (const [code, timeZone] of [['support', 'UTC'], ['sales', 'Europe/Berlin']] as const) {
      await request(t.baseUrl).put(`/api/v1/channels/${code}`).set(...as('admin')).send({ name: code, media: 'voice-inbound', timeZone, intervalMinutes: 30 }).expect(201);
    }
    // support: 2026-01-05 (a Monday) … 2026-02-15; sales: 2026-02-15 … 2026-03-28 (Berlin, before the spring change)
    const csv = [HEADER, ...history('support', '2026-01-05'), ...history('sales', '2026-02-15')].join('\n');
    await request(t.baseUrl).post('/api/v1/actuals/intervals').set(...as('planner')).set('Content-Type', 'text/csv').send(csv).expect(201);
  });
  afterAll(() => t.close());

  it('back-tests with rolling origins and scores WAPE, MAPE, bias and the seed accuracy by month', async () => {
    const res = await request(t.baseUrl)
      .post('/api/v1/forecasts/backtest')
      .set(...as('planner'))
      .send({ channels: ['support'], from: '2026-02-02', to: '2026-02-16', horizonDays: 7, historyWeeks: 4, methods: ['seasonal-naive', 'weekday-profile'] })
      .expect(200);
    const naive = res.body.data.find((r: { method: string }) => r.method === 'seasonal-naive');
    // origins: week 4 (×1.25) forecast from week 3 (×1), week 5 (×1) from week 4 (×1.25):
    // WAPE about 0.5 ÷ 2.25, MAPE about (0.2 + 0.25) ÷ 2, bias 0 (weeks 3 and 5 are equal); exactly:
    const expected = naiveBacktest();
    expect(expected.mape).not.toBeCloseTo(expected.wape, 3); // the measures differ here, so one in the other's place fails
    expect(naive.origins).toBe(2);
    expectClose(naive.interval.wape, expected.wape);
    expectClose(naive.interval.mape, expected.mape);
    expectClose(naive.interval.bias, expected.bias);
    expectClose(naive.daily.wape, expected.dailyWape);
    expect(naive.interval.withinFivePercent).toBe(expected.withinFivePercent);
    expect(expected.withinFivePercent).toBe(0);
    expect(naive.byMonth.map((m: { month: string }) => m.month)).toEqual(['2026-02']);
    // the seed's accuracy of February, (ΣF − ΣA) ÷ ΣA: both origins lie in February, so it is the bias
    expectClose(naive.byMonth[0].accuracy, expected.bias);
    const profile = res.body.data.find((r: { method: string }) => r.method === 'weekday-profile');
    expect(profile.interval.wape).toBeLessThan(naive.interval.wape);
    expect(res.body.best).toEqual({ support: 'weekday-profile' });
  });

  it('rejects a back-test without a whole horizon, unknown channels and bad methods', async () => {
    const bad = await request(t.baseUrl).post('/api/v1/forecasts/backtest').set(...as('planner'))
      .send({ channels: ['support'], from: '2026-02-10', to: '2026-02-16', horizonDays: 7 }).expect(422);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    const unknown = await request(t.baseUrl).post('/api/v1/forecasts/backtest').set(...as('planner'))
      .send({ channels: ['nope'], from: '2026-02-02', to: '2026-02-16', horizonDays: 7 }).expect(422);
    expect(unknown.body.code).toBe('UNKNOWN_CHANNELS');
    await request(t.baseUrl).post('/api/v1/forecasts/backtest').set(...as('planner'))
      .send({ channels: ['support'], from: '2026-02-02', to: '2026-02-16', horizonDays: 7, methods: ['magic'] }).expect(failsWith(422, 'VALIDATION_FAILED'));
    await request(t.baseUrl).post('/api/v1/forecasts/backtest').set(...as('analyst'))
      .send({ channels: ['support'], from: '2026-02-02', to: '2026-02-16', horizonDays: 7 }).expect(failsWith(403, 'FORBIDDEN'));
  });

  it('generates a seasonal-naive version: last week repeated, closed hours 0, AHT from the history', async () => {
    const res = await request(t.baseUrl).post('/api/v1/forecasts/generate').set(...as('planner'))
      .send({ channels: ['support'], horizonStart: '2026-02-16', horizonDays: 7, method: 'seasonal-naive', label: 'naive' })
      .expect(201);
    expect(res.body.version).toMatchObject({ label: 'naive', source: 'model:seasonal-naive', channels: ['support'], rowCount: 7 * 48,
      firstIntervalStart: '2026-02-16T00:00:00Z', lastIntervalStart: '2026-02-22T23:30:00Z' });
    expect(res.body.metadata.channels.support).toMatchObject({ method: 'seasonal-naive', historyStart: '2026-01-05', historyEnd: '2026-02-14', historyDays: 41, missingDays: [], missingIntervals: 0, warning: null });
    // its own back-test only (for the prediction band)
    expect(Object.keys(res.body.metadata.channels.support.backtest)).toEqual(['seasonal-naive']);
    const id = res.body.version.id as string;
    const rows = await t.dataSource.query(
      `SELECT (extract(epoch FROM interval_start) * 1000)::float8 AS t, volume, aht_seconds AS aht FROM forecast_intervals WHERE tenant_id = $1 AND version_id = $2 ORDER BY interval_start`,
      [tenant.tenantId, id],
    );
    expect(rows).toHaveLength(7 * 48);
    for (let i = 0; i < rows.length; i++) {
      const day = Math.floor(i / 48);
      expect(rows[i].volume).toBe(offered(5, day, i % 48));
      if (rows[i].volume > 0) expect(rows[i].aht).toBeCloseTo(200, 9);
    }
    const stored = await t.dataSource.query('SELECT metadata FROM forecast_versions WHERE tenant_id = $1 AND id = $2', [tenant.tenantId, id]);
    expect(stored[0].metadata.channels.support.method).toBe('seasonal-naive');
    const got = await request(t.baseUrl).get(`/api/v1/forecasts/${id}`).set(...as('analyst')).expect(200);
    expect(got.body).toEqual(res.body.version);
    expect(got.body.metadata).toEqual(res.body.metadata);
    // the version reads back like an upload
    await request(t.baseUrl).get(`/api/v1/forecasts/${id}/intervals?limit=1`).set(...as('analyst')).expect(200);
  });

  it('generates with auto per channel across a spring clock change, with back-test scores in the metadata', async () => {
    const res = await request(t.baseUrl).post('/api/v1/forecasts/generate').set(...as('planner'))
      .send({ channels: ['support', 'sales'], horizonStart: '2026-03-29', horizonDays: 7, method: 'auto' })
      .expect(201);
    const { support, sales } = res.body.metadata.channels;
    // support's actuals end on 2026-02-14 (the 15th is a closed day): its history ends there and the gap is forecast through
    expect(support).toMatchObject({ historyStart: '2026-01-05', historyEnd: '2026-02-14', historyDays: 41 });
    expect(sales).toMatchObject({ historyStart: '2026-02-15', historyEnd: '2026-03-27', historyDays: 41 });
    for (const m of [support, sales]) {
      expect(Object.keys(m.backtest).sort()).toEqual(['combination', 'daily-regression', 'double-seasonal', 'holt-winters', 'seasonal-naive', 'weekday-mean', 'weekday-profile']);
      // never worse than the baseline on the back-test
      expect(m.backtest[m.method].intervalWape).toBeLessThanOrEqual(m.backtest['weekday-mean'].intervalWape);
    }
    expect(res.body.version.source).toMatch(/^model:/);
    // Berlin skips 02:00–03:00 on 2026-03-29: 46 half-hours that day
    expect(res.body.version.rowCount).toBe(7 * 48 + 7 * 48 - 2);
  });

  it('answers 422 INSUFFICIENT_HISTORY without enough actuals', async () => {
    const res = await request(t.baseUrl).post('/api/v1/forecasts/generate').set(...as('planner'))
      .send({ channels: ['sales'], horizonStart: '2026-02-20', horizonDays: 7, method: 'holt-winters' })
      .expect(422);
    expect(res.body.code).toBe('INSUFFICIENT_HISTORY');
    const stale = await request(t.baseUrl).post('/api/v1/forecasts/generate').set(...as('planner'))
      .send({ channels: ['support'], horizonStart: '2026-06-01', horizonDays: 7, method: 'auto' })
      .expect(422);
    expect(stale.body).toMatchObject({ code: 'INSUFFICIENT_HISTORY', message: 'channel support has no actuals in the 91 days before 2026-06-01' });
    await request(t.baseUrl).post('/api/v1/forecasts/generate').set(...as('planner'))
      .send({ channels: ['sales'], horizonStart: '2026-02-20', horizonDays: 3, method: 'auto' })
      .expect(422)
      .expect((r) => expect(r.body.code).toBe('VALIDATION_FAILED'));
  });

  it('keeps a special-days calendar: not learnt from, forecast closed or scaled', async () => {
    const put = await request(t.baseUrl).put('/api/v1/calendar/special-days').set(...as('planner'))
      .send({ days: [
        { date: '2026-02-09', channel: 'support', label: 'Training-day holiday', kind: 'holiday' },
        { date: '2026-02-17', label: 'Closed for everyone', kind: 'closed' },
        { date: '2026-02-18', channel: 'support', label: 'Campaign', kind: 'event', volumeFactor: 2 },
      ] })
      .expect(200);
    expect(put.body.data[1]).toEqual({ date: '2026-02-17', channel: null, label: 'Closed for everyone', kind: 'closed', volumeFactor: null });
    const list = await request(t.baseUrl).get('/api/v1/calendar/special-days?from=2026-02-10&to=2026-02-18').set(...as('analyst')).expect(200);
    expect(list.body.data.map((d: { date: string }) => d.date)).toEqual(['2026-02-17']);

    const res = await request(t.baseUrl).post('/api/v1/forecasts/generate').set(...as('planner'))
      .send({ channels: ['support'], horizonStart: '2026-02-16', horizonDays: 7, method: 'seasonal-naive', label: 'with calendar' })
      .expect(201);
    expect(res.body.metadata.channels.support.specialDays).toBe(1);
    const rows: Array<{ volume: number }> = await t.dataSource.query(
      'SELECT volume FROM forecast_intervals WHERE tenant_id = $1 AND version_id = $2 ORDER BY interval_start', [tenant.tenantId, res.body.version.id],
    );
    for (let j = 0; j < 48; j++) {
      // Monday 02-16 would copy Monday 02-09, a holiday: a special day is never copied forward, the Monday before it is
      expect(rows[j].volume).toBe(offered(4, 0, j));
      expect(rows[48 + j].volume).toBe(0); // closed
      expect(rows[96 + j].volume).toBe(2 * offered(5, 2, j)); // event ×2
    }
  });

  it('validates special days', async () => {
    const bad = await request(t.baseUrl).put('/api/v1/calendar/special-days').set(...as('planner'))
      .send({ days: [{ date: '2026-02-30', label: 'x', kind: 'closed' }, { date: '2026-03-01', label: 'y', kind: 'closed', volumeFactor: 1 }] })
      .expect(failsWith(422, 'VALIDATION_FAILED'));
    // A date that does not exist is refused by the body's validation, before the calendar's own rules.
    expect(bad.body.details.errors.map((e: { field: string }) => e.field)).toEqual(['days[0].date']);
    const factor = await request(t.baseUrl).put('/api/v1/calendar/special-days').set(...as('planner'))
      .send({ days: [{ date: '2026-03-01', label: 'y', kind: 'closed', volumeFactor: 1 }] })
      .expect(failsWith(422, 'VALIDATION_FAILED'));
    expect(factor.body.details.errors.map((e: { field: string }) => e.field)).toEqual(['days[0].volumeFactor']);
    const unknown = await request(t.baseUrl).put('/api/v1/calendar/special-days').set(...as('planner'))
      .send({ days: [{ date: '2026-03-01', channel: 'nope', label: 'y', kind: 'event' }] }).expect(422);
    expect(unknown.body.code).toBe('UNKNOWN_CHANNELS');
    await request(t.baseUrl).put('/api/v1/calendar/special-days').set(...as('analyst'))
      .send({ days: [{ date: '2026-03-01', label: 'y', kind: 'event' }] }).expect(failsWith(403, 'FORBIDDEN'));
  });

  it('reports forecast accuracy of any version by interval and month, with the ±5% shares, in JSON and CSV', async () => {
    const csv = [
      'channel,interval_start,volume,aht_seconds',
      'support,2026-01-05T08:00:00Z,21,200', // actual 20: +5%, within
      'support,2026-01-05T08:30:00Z,30,200', // actual 40: −25%
      'support,2026-02-02T03:00:00Z,1,200', // closed, no actual row: actual null (missing, not zero), no variance
      'support,2026-02-02T08:00:00Z,25,200', // actual 25: exact
    ].join('\n');
    const up = await request(t.baseUrl).post('/api/v1/forecasts?label=acc').set(...as('planner')).set('Content-Type', 'text/csv').send(csv).expect(201);
    const base = `/api/v1/reports/forecast-accuracy?forecastVersion=${up.body.id}`;
    const intervals = await request(t.baseUrl).get(base).set(...as('analyst')).expect(200);
    expect(intervals.body.data.map((r: { actual: number; variance: number | null; withinFivePercent: boolean | null }) => [r.actual, r.variance === null ? null : +r.variance.toFixed(9), r.withinFivePercent])).toEqual([
      [20, 0.05, true], [40, -0.25, false], [null, null, null], [25, 0, true],
    ]);
    expect(intervals.body.data[0]).toMatchObject({ channel: 'support', periodStart: '2026-01-05T08:00:00Z', periodStartLocal: '2026-01-05T08:00:00+00:00', forecast: 21 });
    // WAPE and bias over the intervals with both a forecast and actuals: |21 − 20| + |30 − 40| + |25 − 25| = 11 of 85; (76 − 85) ÷ 85
    expect(intervals.body.summary).toEqual([{ channel: 'support', intervals: 3, intervalsWithinFivePercent: 2 / 3, months: 2, monthsWithinFivePercent: 0.5, wape: 11 / 85, bias: (76 - 85) / 85 }]);
    const months = await request(t.baseUrl).get(`${base}&granularity=month`).set(...as('analyst')).expect(200);
    expect(months.body.data.map((r: { periodStart: string; forecast: number; actual: number }) => [r.periodStart, r.forecast, r.actual])).toEqual([
      ['2026-01-01T00:00:00Z', 51, 60], ['2026-02-01T00:00:00Z', 26, 25],
    ]);
    const page = await request(t.baseUrl).get(`${base}&limit=3`).set(...as('analyst')).expect(200);
    expect(page.body.data).toHaveLength(3);
    const rest = await request(t.baseUrl).get(`${base}&limit=3&cursor=${page.body.next}`).set(...as('analyst')).expect(200);
    expect(rest.body.data.map((r: { periodStart: string }) => r.periodStart)).toEqual(['2026-02-02T08:00:00Z']);
    const out = await request(t.baseUrl).get(`${base}&granularity=day&format=csv&from=2026-02-01`).set(...as('analyst')).expect(200);
    // 2 February: forecast 25 + 1 (the closed 03:00) = 26, actuals 25 from the one interval that has them;
    // variance over the intervals with both: (25 − 25) ÷ 25 = 0; 2 forecast intervals, 1 with actuals.
    expect(out.text).toBe('channel,period_start,period_start_local,forecast,actual,variance,within_five_percent,forecast_intervals,actual_intervals\r\n' +
      'support,2026-02-02T00:00:00Z,2026-02-02T00:00:00+00:00,26,25,0,true,2,1\r\n');
    await request(t.baseUrl).get('/api/v1/reports/forecast-accuracy?forecastVersion=00000000-0000-4000-8000-000000000000').set(...as('analyst')).expect(failsWith(404, 'FORECAST_VERSION_NOT_FOUND'));
  });

  it('runs a generate as a job when asked (or when large), with progress and the same result', async () => {
    const started = await request(t.baseUrl).post('/api/v1/forecasts/generate').set(...as('planner'))
      .send({ channels: ['support', 'sales'], horizonStart: '2026-03-30', horizonDays: 7, method: 'weekday-profile', async: true })
      .expect(202);
    expect(started.body).toMatchObject({ kind: 'forecast-generate', status: 'queued', progress: 0, result: null, error: null });
    let job = started.body;
    for (let i = 0; i < 100 && (job.status === 'queued' || job.status === 'running'); i++) {
      await new Promise((r) => setTimeout(r, 50));
      job = (await request(t.baseUrl).get(`/api/v1/jobs/${started.body.id}`).set(...as('analyst')).expect(200)).body;
    }
    expect(job).toMatchObject({ status: 'succeeded', progress: 1, error: null });
    expect(job.result.version).toMatchObject({ source: 'model:weekday-profile', channels: ['sales', 'support'] });
    expect(job.result.metadata.channels.sales.method).toBe('weekday-profile');
    const other = await t.newTenant();
    await request(t.baseUrl).get(`/api/v1/jobs/${started.body.id}`).set('Authorization', `Bearer ${other.keys.analyst}`).expect(failsWith(404, 'JOB_NOT_FOUND'));

    const failing = await request(t.baseUrl).post('/api/v1/forecasts/generate').set(...as('planner'))
      .send({ channels: ['sales'], horizonStart: '2026-02-20', horizonDays: 7, method: 'holt-winters', async: true })
      .expect(202);
    let failed = failing.body;
    for (let i = 0; i < 100 && failed.status !== 'failed' && failed.status !== 'succeeded'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      failed = (await request(t.baseUrl).get(`/api/v1/jobs/${failing.body.id}`).set(...as('planner')).expect(200)).body;
    }
    expect(failed).toMatchObject({ status: 'failed', error: { statusCode: 422, code: 'INSUFFICIENT_HISTORY' } });
  });
});
