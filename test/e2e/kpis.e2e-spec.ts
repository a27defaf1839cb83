import request from 'supertest';
import { KpiScheduler } from '../../src/modules/kpis/kpi-scheduler.js';
import { kpiReader, type KpiRow } from '../support/kpi-rows.js';
import { failsWith } from '../support/error-body.js';
import { startTestApp, type TenantKeys, type TestApp } from '../support/test-app.js';

/**
 * KPI rollups over HTTP on a small hand-built centre (two UTC channels, so that days are easy to
 * check by hand). Every expected value is computed by hand in the comment beside it, from the
 * rows written here.
 */
const ACTUALS_HEADER = 'channel,interval_start,offered,answered,abandoned,answered_within_threshold,abandoned_within_threshold,threshold_seconds,handle_seconds,wait_seconds,agents_staffed';
const ACTUALS = [
  ACTUALS_HEADER,
  // voice 09:00: 90 answered (80 within 20 s), 10 abandoned (5 within), 16200 s handle, 900 s wait, 10 agents
  'voice,2026-03-02T09:00:00Z,100,90,10,80,5,20,16200,900,10',
  // voice 09:30: 10 answered (2 within), 0 abandoned, 1000 s handle, 300 s wait, 2 agents
  'voice,2026-03-02T09:30:00Z,10,10,0,2,0,20,1000,300,2',
  // chat 09:00: 18 answered (18 within 30 s), 2 abandoned (1 within), 3600 s handle, 36 s wait, 4 agents
  'chat,2026-03-02T09:00:00Z,20,18,2,18,1,30,3600,36,4',
].join('\n');


describe('KPI rollups', () => {
  let t: TestApp;
  let tenant: TenantKeys;
  const as = (role: keyof TenantKeys['keys']): [string, string] => ['Authorization', `Bearer ${tenant.keys[role]}`];
  const { kpis, settled } = kpiReader(() => t, () => tenant.keys.analyst);
  const one = (rows: KpiRow[], channel: string, kpi: string, periodStart: string): KpiRow => {
    const found = rows.filter((r) => r.channel === channel && r.kpi === kpi && r.periodStart === periodStart);
    expect(found).toHaveLength(1);
    return found[0];
  };

  beforeAll(async () => {
    t = await startTestApp({ KPI_SCHEDULE_ENABLED: 'false' });
    tenant = await t.newTenant();
    await request(t.baseUrl).put('/api/v1/channels/voice').set(...as('admin')).send({ name: 'Voice', media: 'voice-inbound', timeZone: 'UTC', intervalMinutes: 30, thresholdSeconds: 20 }).expect(201);
    await request(t.baseUrl).put('/api/v1/channels/chat').set(...as('admin')).send({ name: 'Chat', media: 'chat', timeZone: 'UTC', intervalMinutes: 30, thresholdSeconds: 30 }).expect(201);
  });
  afterAll(() => t.close());

  it('the catalogue lists every family, with formula, unit, direction and hasData', async () => {
    const res = await request(t.baseUrl).get('/api/v1/kpis/catalogue').set(...as('analyst')).expect(200);
    const families = new Set((res.body.data as Array<{ family: string }>).map((k) => k.family));
    expect([...families].sort()).toEqual([
      'agent-accessibility', 'customer-satisfaction', 'employee-satisfaction', 'resolution-quality',
      'resource-accessibility', 'strategic-value', 'workload-forecasting',
    ]);
    const sl = (res.body.data as Array<Record<string, unknown>>).find((k) => k.code === 'service-level');
    expect(sl).toMatchObject({ family: 'resource-accessibility', unit: 'ratio', direction: 'higher-is-better', hasData: false, granularities: ['interval', 'day', 'week', 'month'] });
    expect(typeof sl?.formula).toBe('string');
  });

  it('an upload recomputes the periods it touched (post-commit hook); days are rolled up from sums, not averaged', async () => {
    await request(t.baseUrl).post('/api/v1/actuals/intervals').set(...as('planner')).set('Content-Type', 'text/csv').send(ACTUALS).expect(201);
    await settled();
    const rows = await kpis({ from: '2026-03-02', to: '2026-03-03', granularity: 'day' });
    const day = '2026-03-02T00:00:00Z';
    // voice SL (default): (80 + 5 + 2 + 0) ÷ (100 + 10) = 87 ÷ 110; the mean of the interval ratios (0.85 and 0.2) would be 0.525
    expect(one(rows, 'voice', 'service-level', day)).toMatchObject({ numerator: 87, denominator: 110, value: expect.closeTo(87 / 110, 12), family: 'resource-accessibility' });
    // answered within ÷ offered: 82 ÷ 110; ÷ answered: 82 ÷ 100; ÷ (offered − short abandons): 82 ÷ 105
    expect(one(rows, 'voice', 'service-level-answered-within-offered', day).value).toBeCloseTo(82 / 110, 12);
    expect(one(rows, 'voice', 'service-level-answered-within-answered', day).value).toBeCloseTo(82 / 100, 12);
    expect(one(rows, 'voice', 'service-level-offered-minus-short-abandons', day).value).toBeCloseTo(82 / 105, 12);
    // AHT (16200 + 1000) ÷ 100 = 172 s; ASA (900 + 300) ÷ 100 = 12 s
    expect(one(rows, 'voice', 'aht-seconds', day).value).toBeCloseTo(172, 12);
    expect(one(rows, 'voice', 'asa-seconds', day).value).toBeCloseTo(12, 12);
    // abandonment 10 ÷ 110; after the objective (10 − 5) ÷ (5 + 100)
    expect(one(rows, 'voice', 'abandonment-rate', day).value).toBeCloseTo(10 / 110, 12);
    expect(one(rows, 'voice', 'abandonment-after-objective-rate', day).value).toBeCloseTo(5 / 105, 12);
    // occupancy 17200 s ÷ ((10 + 2) agents × 1800 s) = 17200 ÷ 21600
    expect(one(rows, 'voice', 'occupancy', day)).toMatchObject({ family: 'agent-accessibility', value: expect.closeTo(17200 / 21600, 12) });
    // all channels: SL (87 + 18 + 1) ÷ (110 + 20); AHT (17200 + 3600) ÷ 118
    expect(one(rows, '*', 'service-level', day).value).toBeCloseTo(106 / 130, 12);
    expect(one(rows, '*', 'aht-seconds', day).value).toBeCloseTo(20800 / 118, 12);
    // month and ISO week (Monday 2026-03-02) hold the same sums
    const month = await kpis({ from: '2026-03-01', to: '2026-04-01', granularity: 'month', channel: 'voice', kpi: 'service-level' });
    expect(month).toEqual([expect.objectContaining({ channel: 'voice', periodStart: '2026-03-01T00:00:00Z', numerator: 87, denominator: 110 })]);
    const week = await kpis({ from: '2026-03-02', to: '2026-03-09', granularity: 'week', channel: 'voice', kpi: 'service-level' });
    expect(week).toEqual([expect.objectContaining({ periodStart: '2026-03-02T00:00:00Z', numerator: 87, denominator: 110 })]);

    // A corrected interval (last write wins) changes the day at once: voice 09:30 now 10 of 10 within → (80 + 5 + 10) ÷ 110
    await request(t.baseUrl).post('/api/v1/actuals/intervals').set(...as('planner')).set('Content-Type', 'text/csv')
      .send([ACTUALS_HEADER, 'voice,2026-03-02T09:30:00Z,10,10,0,10,0,20,1000,300,2'].join('\n')).expect(201);
    await settled();
    const after = await kpis({ from: '2026-03-02', to: '2026-03-03', channel: 'voice', kpi: 'service-level' });
    expect(after).toEqual([expect.objectContaining({ numerator: 95, denominator: 110 })]);
  });

  it('interval rows are computed on read, one per interval', async () => {
    const rows = await kpis({ from: '2026-03-02T09:00:00Z', to: '2026-03-02T10:00:00Z', granularity: 'interval', channel: 'voice', kpi: 'service-level' });
    // 09:00: 85 ÷ 100; 09:30 (corrected): 10 ÷ 10
    expect(rows.map((r) => [r.periodStart, r.numerator, r.denominator, r.value])).toEqual([['2026-03-02T09:00:00Z', 85, 100, expect.closeTo(0.85, 12)], ['2026-03-02T09:30:00Z', 10, 10, 1]]);
  });

  it('forecast accuracy uses the newest forecast holding each interval', async () => {
    const older = ['channel,interval_start,volume,aht_seconds', 'voice,2026-03-02T09:00:00Z,50,180', 'voice,2026-03-02T09:30:00Z,50,180'].join('\n');
    const old = await request(t.baseUrl).post('/api/v1/forecasts?label=old').set(...as('planner')).set('Content-Type', 'text/csv').send(older).expect(201);
    const newer = ['channel,interval_start,volume,aht_seconds', 'voice,2026-03-02T09:00:00Z,105,180', 'voice,2026-03-02T09:30:00Z,9,180'].join('\n');
    await request(t.baseUrl).post('/api/v1/forecasts?label=new').set(...as('planner')).set('Content-Type', 'text/csv').send(newer).expect(201);
    await settled();
    const rows = await kpis({ from: '2026-03-02', to: '2026-03-03', family: 'workload-forecasting', channel: 'voice' });
    const day = '2026-03-02T00:00:00Z';
    // F = 105 + 9 = 114, A = 100 + 10 = 110: (114 − 110) ÷ 110
    expect(one(rows, 'voice', 'forecast-error', day)).toMatchObject({ numerator: 4, denominator: 110, value: expect.closeTo(4 / 110, 12) });
    // 09:00 |105 − 100| = 5 ≤ 5 (within), 09:30 |9 − 10| = 1 > 0.5 (not): 1 ÷ 2
    expect(one(rows, 'voice', 'forecast-within-tolerance-share', day).value).toBe(0.5);
    // Per request, against the older version: F = 50 + 50 = 100, (100 − 110) ÷ 110; neither interval within ±5%
    const chosen = await kpis({ from: '2026-03-02', to: '2026-03-03', family: 'workload-forecasting', channel: 'voice', forecastVersion: old.body.id as string });
    expect(one(chosen, 'voice', 'forecast-error', day)).toMatchObject({ numerator: -10, denominator: 110 });
    expect(one(chosen, 'voice', 'forecast-within-tolerance-share', day).value).toBe(0);
    const missing = await request(t.baseUrl).get('/api/v1/kpis?from=2026-03-02&to=2026-03-03&forecastVersion=00000000-0000-4000-8000-000000000000').set(...as('analyst')).expect(404);
    expect(missing.body.code).toBe('FORECAST_VERSION_NOT_FOUND');
  });

  it('families 4–7 and propensity, turnover, right-party contact from KPI inputs uploaded through the API', async () => {
    // Every input goes in through its upload endpoint (a swapped column in an upload changes these KPIs).
    const upload = async (path: string, rows: string[]): Promise<void> => {
      const res = await request(t.baseUrl).post(`/api/v1/${path}`).set(...as('planner')).set('Content-Type', 'text/csv').send(rows.join('\n')).expect(201);
      expect(res.body).toMatchObject({ rows: rows.length - 1, inserted: rows.length - 1 });
    };
    await upload('quality-evaluations', ['contact_id,agent_id,date,score,max_score,channel', 'q1,a1,2026-03-02,8,10,voice', 'q2,a2,2026-03-02,45,50,voice']);
    await upload('fcr-outcomes', ['contact_id,channel,date,resolved_first_time', 'c1,voice,2026-03-02,true', 'c2,voice,2026-03-02,yes', 'c3,voice,2026-03-02,false']);
    await upload('surveys', ['kind,date,channel,agent,score,scale_min,scale_max',
      'esat,2026-03-02,,,4,1,5', 'esat,2026-03-02,,,3,1,5',
      'csat,2026-03-02,voice,,5,1,5', 'csat,2026-03-02,voice,,4,1,5', 'csat,2026-03-02,voice,,2,1,5',
      'effort,2026-03-02,voice,,2,1,7', 'effort,2026-03-02,voice,,3,1,7']);
    await upload('workforce-events', ['agent_id,date,event,voluntary,team',
      'a1,2026-01-01,hired,,', 'a2,2026-01-01,hired,,', 'a3,2026-01-01,hired,,', 'a4,2026-01-01,hired,,',
      'a1,2026-03-16,left,yes,', 'a2,2026-03-20,left,no,']);
    await upload('costs', ['kind,period_start,period_end,channel,category,contact_type,amount,currency',
      'actual,2026-03-01,2026-04-01,voice,staff,,3100,EUR', 'budget,2026-03-01,2026-04-01,,staff,,4000,EUR', 'revenue,2026-03-01,2026-04-01,,sales,,6200,EUR']);
    await upload('customer-counts', ['period_start,period_end,channel,customers', '2026-03-01,2026-04-01,,1000']);
    await upload('outbound-attempts', ['target_id,attempted_at,channel,agent_id,right_party',
      't1,2026-03-02T10:00:00Z,,,false', 't1,2026-03-02T10:10:00Z,,,false', 't1,2026-03-02T10:20:00Z,,,true',
      't1,2026-03-02T10:30:00Z,,,true', 't2,2026-03-02T11:00:00Z,,,true']);
    await settled();
    const res = await request(t.baseUrl).post('/api/v1/kpis/recompute?from=2026-03-01&to=2026-04-01').set(...as('admin')).expect(200);
    expect(res.body).toMatchObject({ fromUtc: '2026-02-23T00:00:00Z', toUtc: '2026-04-06T00:00:00Z' }); // widened to whole ISO weeks
    const day = '2026-03-02T00:00:00Z';
    const rows = await kpis({ from: '2026-03-02', to: '2026-03-03' });
    // quality (8/10 + 45/50) ÷ 2 = 0.85; FCR 2 ÷ 3
    expect(one(rows, 'voice', 'quality-score', day).value).toBeCloseTo(0.85, 12);
    expect(one(rows, 'voice', 'first-contact-resolution', day).value).toBeCloseTo(2 / 3, 12);
    // esat (4 + 3) ÷ 2 = 3.5 on 1–5 (all channels only: no channel given)
    expect(one(rows, '*', 'employee-satisfaction-mean', day)).toMatchObject({ value: 3.5, detail: { scaleMin: 1, scaleMax: 5 } });
    // csat mean (5 + 4 + 2) ÷ 3; top box at 0.75 of 1–5 (4 and 5): 2 ÷ 3; effort (2 + 3) ÷ 2 = 2.5 on 1–7
    expect(one(rows, 'voice', 'customer-satisfaction-mean', day).value).toBeCloseTo(11 / 3, 12);
    expect(one(rows, 'voice', 'customer-satisfied-share', day).value).toBeCloseTo(2 / 3, 12);
    expect(one(rows, 'voice', 'customer-effort-mean', day)).toMatchObject({ value: 2.5, detail: { scaleMin: 1, scaleMax: 7 } });
    // cost per contact: 3100 EUR over 31 days = 100 EUR on the day ÷ 100 answered voice contacts = 1
    expect(one(rows, 'voice', 'cost-per-contact', day)).toMatchObject({ value: expect.closeTo(1, 12), detail: { currency: 'EUR' } });
    // propensity: 130 contacts offered ÷ 1000 customers × 365 ÷ 1 day = 47.45 a year
    expect(one(rows, '*', 'propensity-to-contact', day).value).toBeCloseTo(47.45, 10);
    // right-party contact: t1 reached at the 3rd attempt, t2 at the 1st: (3 + 1) ÷ 2
    expect(one(rows, '*', 'right-party-contact-attempts', day)).toMatchObject({ numerator: 4, denominator: 2, value: 2 });
    const months = await kpis({ from: '2026-03-01', to: '2026-04-01', granularity: 'month', channel: '*', family: 'strategic-value' });
    // budget 4000 − actual 3100 = 900; 900 ÷ 4000 = 0.225; revenue 6200
    expect(one(months, '*', 'budget-variance', '2026-03-01T00:00:00Z').value).toBeCloseTo(900, 9);
    expect(one(months, '*', 'budget-variance-ratio', '2026-03-01T00:00:00Z').value).toBeCloseTo(0.225, 12);
    expect(one(months, '*', 'revenue', '2026-03-01T00:00:00Z').value).toBeCloseTo(6200, 9);
    const turnover = await kpis({ from: '2026-03-01', to: '2026-04-01', granularity: 'month', family: 'employee-satisfaction' });
    // March: a3, a4 31 days, a1 15 (1–15), a2 19 (1–19): 96 agent-days, average 96 ÷ 31; 2 leavers: 2 ÷ (96/31) × 12 = 7.75 a year; 1 voluntary: 3.875
    expect(one(turnover, '*', 'agent-turnover', '2026-03-01T00:00:00Z').value).toBeCloseTo(7.75, 12);
    expect(one(turnover, '*', 'agent-turnover-voluntary', '2026-03-01T00:00:00Z').value).toBeCloseTo(3.875, 12);
    expect(one(turnover, '*', 'agent-turnover-involuntary', '2026-03-01T00:00:00Z').value).toBeCloseTo(3.875, 12);
    const cat = await request(t.baseUrl).get('/api/v1/kpis/catalogue').set(...as('analyst')).expect(200);
    expect((cat.body.data as Array<{ code: string; hasData: boolean }>).filter((k) => !k.hasData).map((k) => k.code)).toEqual(
      expect.not.arrayContaining(['service-level', 'quality-score', 'agent-turnover', 'revenue']),
    );
  });

  it('adherence to schedule comes from the adherence module, recomputed after schedule and state uploads', async () => {
    // The schedule and states of test/e2e/adherence.e2e-spec.ts: a1 8 h on voice, back 10 min late from lunch
    // (28,200 of 28,800 s adherent); a2 45 min on voice|chat, all adherent (half on each channel: 1,350 s).
    const Z = (hhmm: string): string => `2026-03-02T${hhmm}:00Z`;
    const schedule = ['agent_id,team,channels,activity,start,end', `a1,red,voice,work,${Z('09:00')},${Z('12:00')}`, `a1,red,voice,lunch,${Z('12:00')},${Z('13:00')}`,
      `a1,red,voice,work,${Z('13:00')},${Z('17:00')}`, `a2,blue,voice|chat,work,${Z('09:00')},${Z('09:45')}`,
      // A week later, so that week and month rows fold more than one day.
      'a1,red,voice,work,2026-03-09T09:00:00Z,2026-03-09T10:00:00Z'].join('\n');
    const states = ['agent_id,state,start,end', `a1,available,${Z('09:00')},${Z('12:00')}`, `a1,lunch,${Z('12:00')},${Z('13:10')}`,
      `a1,available,${Z('13:10')},${Z('17:00')}`, `a1,offline,${Z('17:00')},${Z('18:00')}`, `a2,on-contact,${Z('09:00')},${Z('09:20')}`,
      `a2,available,${Z('09:20')},${Z('09:30')}`, `a2,after-contact-work,${Z('09:30')},${Z('09:45')}`,
      'a1,available,2026-03-09T09:00:00Z,2026-03-09T09:30:00Z', 'a1,break,2026-03-09T09:30:00Z,2026-03-09T10:00:00Z'].join('\n');
    await request(t.baseUrl).post('/api/v1/schedules').set(...as('scheduler')).set('Content-Type', 'text/csv').send(schedule).expect(201);
    await request(t.baseUrl).post('/api/v1/agent-states').set(...as('scheduler')).set('Content-Type', 'text/csv').send(states).expect(201);
    await settled();
    const rows = await kpis({ from: '2026-03-02', to: '2026-03-03', kpi: 'schedule-adherence' });
    const day = '2026-03-02T00:00:00Z';
    expect(one(rows, 'voice', 'schedule-adherence', day)).toMatchObject({ family: 'agent-accessibility', numerator: 28_200 + 1350, denominator: 28_800 + 1350 });
    expect(one(rows, 'chat', 'schedule-adherence', day)).toMatchObject({ numerator: 1350, denominator: 1350, value: 1 });
    // all channels (both in UTC): (28,200 + 2,700) ÷ (28,800 + 2,700)
    expect(one(rows, '*', 'schedule-adherence', day).value).toBeCloseTo(30_900 / 31_500, 12);
    // Week and month rows are folded from day rows; the adherence module computing at that
    // granularity directly is the independent value (voice: week of 9 March 1,800 of 3,600 s).
    for (const granularity of ['week', 'month']) {
      const stored = await kpis({ from: '2026-03-01', to: '2026-04-01', kpi: 'schedule-adherence', granularity });
      const direct = (await request(t.baseUrl).get('/api/v1/adherence')
        .query({ level: 'channel', granularity, from: '2026-02-23', to: '2026-04-01' }).set(...as('analyst')).expect(200))
        .body.data as Array<{ key: string; periodStart: string; adherentSeconds: number; scheduledSeconds: number }>;
      const inRange = direct.filter((d) => d.periodStart >= '2026-03-01');
      expect(inRange.length).toBeGreaterThan(0);
      for (const d of inRange) {
        expect(one(stored, d.key, 'schedule-adherence', d.periodStart)).toMatchObject({ numerator: d.adherentSeconds, denominator: d.scheduledSeconds });
      }
      expect(stored.filter((r) => r.channel !== '*')).toHaveLength(inRange.length);
    }
    const weeks = await kpis({ from: '2026-03-09', to: '2026-03-16', kpi: 'schedule-adherence', granularity: 'week' });
    expect(one(weeks, 'voice', 'schedule-adherence', '2026-03-09T00:00:00Z')).toMatchObject({ numerator: 1800, denominator: 3600 });
  });

  it('a recompute longer than 92 days answers 202 with a job whose result is the counts', async () => {
    const res = await request(t.baseUrl).post('/api/v1/kpis/recompute?from=2025-12-01&to=2026-04-01').set(...as('admin')).expect(202);
    expect(res.body).toMatchObject({ kind: 'kpi-recompute', status: 'queued' });
    let job: { status: string; result: { rows: { day: number } } | null } = res.body;
    for (let i = 0; i < 100 && job.status !== 'succeeded' && job.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = (await request(t.baseUrl).get(`/api/v1/jobs/${String(res.body.id)}`).set(...as('analyst')).expect(200)).body;
    }
    expect(job.status).toBe('succeeded');
    expect(job.result?.rows.day).toBeGreaterThan(0);
  });

  it('refuses bad parameters with 422 naming the field', async () => {
    const bad = async (query: Record<string, string>, field: string): Promise<void> => {
      const res = await request(t.baseUrl).get('/api/v1/kpis').query(query).set(...as('analyst'));
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect((res.body.details.errors as Array<{ field: string }>).map((e) => e.field)).toContain(field);
    };
    await bad({ granularity: 'hour' }, 'granularity');
    await bad({ family: 'happiness' }, 'family');
    await bad({ kpi: 'nope' }, 'kpi');
    await bad({ from: 'yesterday' }, 'from');
    await bad({ granularity: 'interval', to: '2026-03-03' }, 'from');
    await bad({ granularity: 'interval', from: '2026-01-01', to: '2026-03-03' }, 'to');
    const unknown = await request(t.baseUrl).get('/api/v1/kpis?channel=fax').set(...as('analyst')).expect(422);
    expect(unknown.body.code).toBe('UNKNOWN_CHANNELS');
    const recompute = await request(t.baseUrl).post('/api/v1/kpis/recompute?from=2026-03-02').set(...as('admin')).expect(failsWith(422, 'VALIDATION_FAILED'));
    expect(recompute.body.details.errors[0].field).toBe('to');
    await request(t.baseUrl).post('/api/v1/kpis/recompute?from=2026-03-02&to=2026-03-03').set(...as('analyst')).expect(failsWith(403, 'FORBIDDEN'));
  });

  it('streams CSV (header, CRLF, empty for null) with an ETag honoured by If-None-Match', async () => {
    const res = await request(t.baseUrl).get('/api/v1/kpis?from=2026-03-02&to=2026-03-03&channel=voice&kpi=service-level&kpi=aht-seconds&format=csv').set(...as('analyst')).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="kpis-day.csv"');
    const lines = res.text.split('\r\n');
    expect(lines[0]).toBe('channel,period_start,period_start_local,granularity,family,kpi,unit,numerator,denominator,value,detail,computed_at,dimension');
    // aht-seconds sorts before service-level; AHT 17200 ÷ 100
    expect(lines[1]).toMatch(/^voice,2026-03-02T00:00:00Z,2026-03-02T00:00:00\+00:00,day,workload-forecasting,aht-seconds,seconds,17200,100,172,,\d{4}-/);
    expect(lines[2]).toMatch(/^voice,2026-03-02T00:00:00Z,.*,service-level,ratio,95,110,/);
    expect(lines[3]).toBe('');
    const etag = res.headers.etag;
    expect(etag).toBeTruthy();
    await request(t.baseUrl).get('/api/v1/kpis?from=2026-03-02&to=2026-03-03&channel=voice&kpi=service-level&kpi=aht-seconds&format=csv')
      .set(...as('analyst')).set('If-None-Match', etag).expect(304);
  });

  it('pages JSON with a cursor in a stable order (`*` first)', async () => {
    const all = await kpis({ from: '2026-03-02', to: '2026-03-03', kpi: ['service-level', 'aht-seconds'] });
    const seen: KpiRow[] = [];
    let cursor: string | null = null;
    do {
      const page: request.Response = await request(t.baseUrl).get('/api/v1/kpis').query({ from: '2026-03-02', to: '2026-03-03', kpi: ['service-level', 'aht-seconds'], limit: 2, ...(cursor ? { cursor } : {}) })
        .set(...as('analyst')).expect(200);
      seen.push(...(page.body.data as KpiRow[]));
      cursor = page.body.next as string | null;
    } while (cursor);
    expect(seen).toEqual(all);
    expect(all.map((r) => `${r.channel}:${r.kpi}`)).toEqual(['*:aht-seconds', '*:service-level', 'chat:aht-seconds', 'chat:service-level', 'voice:aht-seconds', 'voice:service-level']);
  });

  it('the nightly job is off when disabled, schedules one job per tenant zone, and recomputes the previous local day', async () => {
    const scheduler = t.app.get(KpiScheduler);
    expect(scheduler.jobNames()).toEqual([]);
    await t.dataSource.query(`DELETE FROM kpi_rollups WHERE tenant_id = $1`, [tenant.tenantId]);
    expect(await kpis({ from: '2026-03-02', to: '2026-03-03', channel: 'voice', kpi: 'service-level' })).toEqual([]);
    // fired at 02:00 UTC on 2026-03-03: recomputes 2026-03-02 (and its week and month)
    expect(await scheduler.runZone('UTC', new Date('2026-03-03T02:00:00Z'))).toBeGreaterThanOrEqual(1);
    expect(await kpis({ from: '2026-03-02', to: '2026-03-03', channel: 'voice', kpi: 'service-level' })).toEqual([expect.objectContaining({ numerator: 95, denominator: 110 })]);
    expect(scheduler.jobNames()).toContain('kpi-recompute:UTC');
    const registry = t.app.get((await import('@nestjs/schedule')).SchedulerRegistry);
    for (const name of scheduler.jobNames()) registry.deleteCronJob(name);
  });
});
