import request from 'supertest';
import { kpiReader, type KpiRow } from '../support/kpi-rows.js';
import { failsWith } from '../support/error-body.js';
import { startTestApp, type TenantKeys, type TestApp } from '../support/test-app.js';

/**
 * KPI dimensions: cost per contact by channel and contact type, the `dimension` filter
 * and column of GET /api/v1/kpis, and the periods a re-uploaded case leaves. Two UTC channels, so
 * that days are easy to check by hand; every expected value is worked out in the comment beside
 * it from the rows written here, and the contact counts are also counted from CONTACTS in the test.
 */
const CONTACTS_HEADER = 'channel,contact_id,arrived_at,handle_seconds,wait_seconds,outcome,contact_type';
const CONTACTS = [
  // voice: PS answered ×2 (+1 abandoned, not handled), PE answered ×1, one answered without a type
  'voice,v1,2026-03-02T09:00:00Z,100,5,answered,PS',
  'voice,v2,2026-03-02T09:10:00Z,100,5,answered,PS',
  'voice,v3,2026-03-02T09:20:00Z,,30,abandoned,PS',
  'voice,v4,2026-03-02T10:00:00Z,100,5,answered,PE',
  'voice,v5,2026-03-02T10:05:00Z,100,5,answered,',
  // chat: PS answered ×1, PE answered ×2 (+1 ignored, counted nowhere)
  'chat,c1,2026-03-02T09:00:00Z,60,2,answered,PS',
  'chat,c2,2026-03-02T09:05:00Z,60,2,answered,PE',
  'chat,c3,2026-03-02T11:00:00Z,60,2,answered,PE',
  'chat,c4,2026-03-02T11:30:00Z,,,ignored,PE',
];
const COSTS = [
  'kind,period_start,period_end,channel,category,contact_type,amount,currency',
  // voice PS: 620 EUR over the 31 days of March = 20 EUR a day
  'actual,2026-03-01,2026-04-01,voice,staff,PS,620,EUR',
  // voice PE: 30 EUR on 2 March
  'actual,2026-03-02,2026-03-03,voice,staff,PE,30,EUR',
  // chat PE: 50 EUR on 2 March
  'actual,2026-03-02,2026-03-03,chat,staff,PE,50,EUR',
  // no channel, PS: 13 EUR on 2 March (counts in the all-channels rows only)
  'actual,2026-03-02,2026-03-03,,overhead,PS,13,EUR',
  // chat, no contact type: 40 EUR (in the un-split rows only)
  'actual,2026-03-02,2026-03-03,chat,it,,40,EUR',
  // voice NW: 10 EUR, but no NW contact was handled: no NW row (the ratio is undefined)
  'actual,2026-03-02,2026-03-03,voice,staff,NW,10,EUR',
].join('\n');


describe('KPI dimensions: cost per contact by contact type', () => {
  let t: TestApp;
  let tenant: TenantKeys;
  const as = (role: keyof TenantKeys['keys']): [string, string] => ['Authorization', `Bearer ${tenant.keys[role]}`];
  const { kpis, settled } = kpiReader(() => t, () => tenant.keys.analyst);
  const DAY = { from: '2026-03-02', to: '2026-03-03', kpi: 'cost-per-contact' };
  const day = '2026-03-02T00:00:00Z';
  /** Answered contacts of CONTACTS by channel (`*`: all) and type, counted independently of the engine. */
  const answered = (channel: string, type: string | null): number =>
    CONTACTS.map((l) => l.split(',')).filter((f) => (channel === '*' || f[0] === channel) && f[5] === 'answered' && (type === null || f[6] === type)).length;

  beforeAll(async () => {
    t = await startTestApp({ KPI_SCHEDULE_ENABLED: 'false' });
    tenant = await t.newTenant();
    for (const code of ['voice', 'chat']) {
      await request(t.baseUrl).put(`/api/v1/channels/${code}`).set(...as('admin'))
        .send({ name: code, media: code === 'voice' ? 'voice-inbound' : 'chat', timeZone: 'UTC', intervalMinutes: 30, thresholdSeconds: 20 }).expect(201);
    }
    await request(t.baseUrl).post('/api/v1/actuals/contacts').set(...as('planner')).set('Content-Type', 'text/csv').send([CONTACTS_HEADER, ...CONTACTS].join('\n')).expect(201);
    await request(t.baseUrl).post('/api/v1/costs').set(...as('planner')).set('Content-Type', 'text/csv').send(COSTS).expect(201);
    await settled();
  });
  afterAll(() => t.close());

  it('keeps the contact type of per-contact records', async () => {
    const res = await request(t.baseUrl).get('/api/v1/actuals/contacts?channel=voice&from=2026-03-02&to=2026-03-03').set(...as('analyst')).expect(200);
    expect((res.body.data as Array<{ contactId: string; contactType: string | null }>).map((c) => [c.contactId, c.contactType]))
      .toEqual([['v1', 'PS'], ['v2', 'PS'], ['v3', 'PS'], ['v4', 'PE'], ['v5', null]]);
  });

  it('splits cost per contact by contact type, per channel and for all channels, beside the un-split rows', async () => {
    expect([answered('voice', 'PS'), answered('voice', 'PE'), answered('chat', 'PS'), answered('chat', 'PE'), answered('*', 'PS'), answered('*', 'PE')]).toEqual([2, 1, 1, 2, 3, 3]);
    const rows = await kpis({ ...DAY, dimension: 'contact-type' });
    const by = (channel: string, dimension: string): KpiRow | undefined => rows.find((r) => r.channel === channel && r.dimension === dimension);
    expect(rows.map((r) => `${r.channel}:${r.dimension}`)).toEqual([
      '*:contact-type:PE', '*:contact-type:PS', 'chat:contact-type:PE', 'voice:contact-type:PE', 'voice:contact-type:PS',
    ]);
    // voice PS: 20 EUR (620 ÷ 31 days) ÷ 2 answered PS = 10
    expect(by('voice', 'contact-type:PS')).toMatchObject({ numerator: expect.closeTo(20, 9), denominator: answered('voice', 'PS'), value: expect.closeTo(10, 9), detail: { currency: 'EUR' } });
    // voice PE: 30 ÷ 1 = 30
    expect(by('voice', 'contact-type:PE')).toMatchObject({ numerator: 30, denominator: 1, value: 30 });
    // chat PE: 50 ÷ 2 = 25; chat PS has contacts but no cost entry: no row
    expect(by('chat', 'contact-type:PE')).toMatchObject({ numerator: 50, denominator: 2, value: 25 });
    // all channels PS: (20 + 13 without a channel) ÷ 3 answered PS (v1, v2, c1) = 11
    expect(by('*', 'contact-type:PS')).toMatchObject({ numerator: expect.closeTo(33, 9), denominator: 3, value: expect.closeTo(11, 9) });
    // all channels PE: (30 + 50) ÷ 3 answered PE (v4, c2, c3)
    expect(by('*', 'contact-type:PE')).toMatchObject({ numerator: 80, denominator: 3, value: expect.closeTo(80 / 3, 12) });

    // The un-split rows are as before: all actual costs ÷ all answered contacts of the interval actuals.
    const plain = await kpis(DAY);
    expect(plain.map((r) => [r.channel, r.dimension])).toEqual([['*', ''], ['chat', ''], ['voice', '']]);
    // voice: (20 + 30 + 10) ÷ 4 answered (v1, v2, v4, v5) = 15; chat: (50 + 40) ÷ 3 = 30; all: (60 + 90 + 13) ÷ 7
    expect(plain[2]).toMatchObject({ numerator: expect.closeTo(60, 9), denominator: answered('voice', null), value: expect.closeTo(15, 9) });
    expect(plain[1]).toMatchObject({ numerator: 90, denominator: answered('chat', null), value: 30 });
    expect(plain[0]).toMatchObject({ numerator: expect.closeTo(163, 9), denominator: 7, value: expect.closeTo(163 / 7, 12) });

    // A month holds the whole entry: voice PS in March 620 ÷ 2 = 310
    const month = await kpis({ from: '2026-03-01', to: '2026-04-01', granularity: 'month', kpi: 'cost-per-contact', channel: 'voice', dimension: 'contact-type:PS' });
    expect(month).toEqual([expect.objectContaining({ periodStart: '2026-03-01T00:00:00Z', dimension: 'contact-type:PS', numerator: expect.closeTo(620, 9), denominator: 2, value: expect.closeTo(310, 9) })]);
  });

  it('filters by one value, pages split rows with a cursor, and refuses a malformed dimension', async () => {
    const ps = await kpis({ ...DAY, dimension: 'contact-type:PS' });
    expect(ps.map((r) => `${r.channel}:${r.dimension}`)).toEqual(['*:contact-type:PS', 'voice:contact-type:PS']);
    expect(await kpis({ ...DAY, dimension: 'priority' })).toEqual([]);
    const all = await kpis({ ...DAY, dimension: 'contact-type' });
    const seen: KpiRow[] = [];
    let cursor: string | null = null;
    do {
      const page: request.Response = await request(t.baseUrl).get('/api/v1/kpis').query({ ...DAY, dimension: 'contact-type', limit: 1, ...(cursor ? { cursor } : {}) })
        .set(...as('analyst')).expect(200);
      seen.push(...(page.body.data as KpiRow[]));
      cursor = page.body.next as string | null;
    } while (cursor);
    expect(seen).toEqual(all);
    const bad = await request(t.baseUrl).get('/api/v1/kpis').query({ ...DAY, dimension: 'Contact Type' }).set(...as('analyst')).expect(failsWith(422, 'VALIDATION_FAILED'));
    expect(bad.body.details.errors.map((e: { field: string }) => e.field)).toContain('dimension');
  });

  it('CSV has a dimension column (last) and ETags differ by dimension', async () => {
    const url = '/api/v1/kpis?from=2026-03-02&to=2026-03-03&kpi=cost-per-contact&channel=voice&format=csv';
    const split = await request(t.baseUrl).get(`${url}&dimension=contact-type`).set(...as('analyst')).expect(200);
    const lines = split.text.split('\r\n');
    expect(lines[0]).toBe('channel,period_start,period_start_local,granularity,family,kpi,unit,numerator,denominator,value,detail,computed_at,dimension');
    // voice PE 30 ÷ 1, then voice PS 20 ÷ 2 (by dimension)
    expect(lines[1]).toMatch(/^voice,2026-03-02T00:00:00Z,2026-03-02T00:00:00\+00:00,day,strategic-value,cost-per-contact,currency,30,1,30,"\{""currency"":""EUR""\}",\d{4}-[^,]+,contact-type:PE$/);
    expect(lines[2]).toMatch(/^voice,.*,cost-per-contact,currency,20(\.\d+)?,2,10(\.\d+)?,.*,contact-type:PS$/);
    expect(lines).toHaveLength(4); // header, 2 rows, the empty string after the last CRLF
    const plain = await request(t.baseUrl).get(url).set(...as('analyst')).expect(200);
    const plainLines = plain.text.split('\r\n');
    expect(plainLines).toHaveLength(3);
    expect(plainLines[1]).toMatch(/,$/); // dimension '' of the un-split row: an empty last field
    expect(plain.headers.etag).not.toBe(split.headers.etag);
  });

  it('rows computed on read (forecastVersion, interval) filter and carry the dimension the same way', async () => {
    const forecast = ['channel,interval_start,volume,aht_seconds', 'voice,2026-03-02T09:00:00Z,3,100'].join('\n');
    const version = await request(t.baseUrl).post('/api/v1/forecasts?label=f').set(...as('planner')).set('Content-Type', 'text/csv').send(forecast).expect(201);
    await settled();
    const stored = await kpis({ ...DAY, dimension: 'contact-type' });
    const live = await kpis({ ...DAY, dimension: 'contact-type', forecastVersion: version.body.id as string });
    const strip = (rows: KpiRow[]): unknown[] => rows.map(({ channel, periodStart, kpi, dimension, numerator, denominator, value }) => ({ channel, periodStart, kpi, dimension, numerator, denominator, value }));
    expect(strip(live)).toEqual(strip(stored));
    expect(live).toHaveLength(5);
    expect((await kpis({ ...DAY, forecastVersion: version.body.id as string })).map((r) => r.dimension)).toEqual(['', '', '']);
    // Interval rows have no split yet: none with a dimension, the usual ones without
    const interval = { from: '2026-03-02T09:00:00Z', to: '2026-03-02T09:30:00Z', granularity: 'interval', channel: 'voice', kpi: 'aht-seconds' };
    expect(await kpis({ ...interval, dimension: 'contact-type' })).toEqual([]);
    // voice 09:00 interval: v1, v2 answered, 100 s each: 200 ÷ 2
    expect(await kpis(interval)).toEqual([expect.objectContaining({ dimension: '', numerator: 200, denominator: 2, value: 100 })]);
  });

  it('a re-uploaded case that moves to another period leaves no stale row in its old period', async () => {
    const header = 'case_id,channel,priority,created_at,first_response_at';
    // Created Monday 2 March 09:00, answered after 10 min ≤ 15 min (P1 of the default policy): met, 1 of 1
    await request(t.baseUrl).post('/api/v1/cases').set(...as('planner')).set('Content-Type', 'text/csv')
      .send([header, 'X,chat,P1,2026-03-02T09:00:00Z,2026-03-02T09:10:00Z'].join('\n')).expect(201);
    await settled();
    const q = (granularity: string): Record<string, string> => ({ from: '2026-03-01', to: '2026-05-01', kpi: 'case-initial-response-met', channel: 'chat', granularity });
    const before = await kpis(q('day'));
    expect(before.map((r) => [r.periodStart, r.numerator, r.denominator])).toEqual([[day, 1, 1]]);
    // The same case again, created 15 April: its day, week and month of March must go
    await request(t.baseUrl).post('/api/v1/cases').set(...as('planner')).set('Content-Type', 'text/csv')
      .send([header, 'X,chat,P1,2026-04-15T09:00:00Z,2026-04-15T09:10:00Z'].join('\n')).expect(201);
    await settled();
    expect((await kpis(q('day'))).map((r) => [r.periodStart, r.numerator, r.denominator])).toEqual([['2026-04-15T00:00:00Z', 1, 1]]);
    expect((await kpis(q('week'))).map((r) => r.periodStart)).toEqual(['2026-04-13T00:00:00Z']);
    expect((await kpis(q('month'))).map((r) => r.periodStart)).toEqual(['2026-04-01T00:00:00Z']);
  });
});
