import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import request from 'supertest';
import { projectRoot } from '../../src/platform/project-root.js';
import { realData } from '../support/shared-data.js';
import { startTestApp, type TenantKeys, type TestApp } from '../support/test-app.js';

/**
 * The import mapping of the Anonymous Bank export, proven on real data: the daily answered and
 * abandoned counts, handle and wait totals (hence means) ingested through the mapping must equal
 * an independent count of the same file done here with plain code, following the derivations of
 * the data's README (answered = AGENT; abandoned = HANG with a queue start; handle = ser_time;
 * wait = q_time).
 */
const BANK = realData('anonymous-bank-1999', ['october_1999.txt', 'january_1999.txt']);
const SLICE = join(projectRoot(), 'data/demo/anonymous-bank-1999-10-03-to-09.tsv.gz');
const MAPPING = JSON.parse(readFileSync(join(projectRoot(), 'data/demo/import-mappings/anonymous-bank-1999.json'), 'utf8')) as Record<string, unknown>;
const CHANNELS = (JSON.parse(readFileSync(join(projectRoot(), 'data/demo/channels.json'), 'utf8')) as Array<Record<string, unknown>>)
  .filter((c) => c.timeZone === 'Asia/Jerusalem');

interface Day {
  answered: number;
  abandoned: number;
  handleSeconds: number;
  waitSeconds: number;
}

/** Plain count of a per-call file by the date column (no call of these files is offered after midnight of its date). */
function countByDay(text: string): { days: Map<string, Day>; rows: number } {
  const days = new Map<string, Day>();
  let rows = 0;
  for (const line of text.split(/\r?\n/).slice(1)) {
    if (line.trim() === '') continue;
    rows++;
    // Two October rows separate fields with spaces instead of a tab.
    const f = line.trim().split(/\s+/);
    const [date, qStart, qTime, outcome, serTime] = [f[5], f[9], f[11], f[12], f[15]];
    const day = `19${date.slice(0, 2)}-${date.slice(2, 4)}-${date.slice(4, 6)}`;
    const d = days.get(day) ?? { answered: 0, abandoned: 0, handleSeconds: 0, waitSeconds: 0 };
    if (outcome === 'AGENT') {
      d.answered++;
      d.handleSeconds += Number(serTime);
      d.waitSeconds += Number(qTime);
    } else if (outcome === 'HANG' && qStart !== '0:00:00') {
      d.abandoned++;
    }
    days.set(day, d);
  }
  for (const [day, d] of days) if (d.answered + d.abandoned === 0) days.delete(day);
  return { days, rows };
}

function means(days: Map<string, Day>): Record<string, { answered: number; abandoned: number; meanHandleSeconds: number; meanWaitSeconds: number }> {
  return Object.fromEntries(
    [...days].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, d]) => [
      day,
      { answered: d.answered, abandoned: d.abandoned, meanHandleSeconds: d.handleSeconds / d.answered, meanWaitSeconds: d.waitSeconds / d.answered },
    ]),
  );
}

describe('Anonymous Bank 1999 per-call logs through the saved import mapping', () => {
  let t: TestApp;
  let tenant: TenantKeys;
  const as = (role: keyof TenantKeys['keys']): [string, string] => ['Authorization', `Bearer ${tenant.keys[role]}`];

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await t.newTenant();
    for (const { code, ...rest } of CHANNELS) {
      await request(t.baseUrl).put(`/api/v1/channels/${String(code)}`).set(...as('admin')).send(rest).expect(201);
    }
    await request(t.baseUrl).put('/api/v1/import-mappings/anonymous-bank-1999').set(...as('planner')).send(MAPPING).expect(201);
  });
  afterAll(() => t.close());

  /** Uploads a file through the mapping and returns the ingested days of [from, to). */
  async function ingest(bytes: Buffer, from: string, to: string): Promise<{ result: Record<string, unknown>; days: Map<string, Day> }> {
    const res = await request(t.baseUrl).post('/api/v1/actuals/contacts?mapping=anonymous-bank-1999').set(...as('planner'))
      .set('Content-Type', 'text/tab-separated-values').send(bytes);
    expect(res.status).toBe(201);
    const days = new Map<string, Day>();
    let cursor: string | null = null;
    do {
      const page: request.Response = await request(t.baseUrl).get('/api/v1/actuals/intervals').set(...as('analyst'))
        .query({ channel: CHANNELS.map((c) => String(c.code)), from, to, limit: 10000, ...(cursor ? { cursor } : {}) }).expect(200);
      for (const r of page.body.data as Array<{ periodStartLocal: string } & Day>) {
        const day = r.periodStartLocal.slice(0, 10);
        const d = days.get(day) ?? { answered: 0, abandoned: 0, handleSeconds: 0, waitSeconds: 0 };
        d.answered += r.answered;
        d.abandoned += r.abandoned;
        d.handleSeconds += r.handleSeconds;
        d.waitSeconds += r.waitSeconds;
        days.set(day, d);
      }
      cursor = page.body.next;
    } while (cursor);
    for (const [day, d] of days) if (d.answered + d.abandoned === 0) days.delete(day);
    return { result: res.body, days };
  }

  it('matches a plain count on the committed week (data/demo, runs on a fresh clone)', async () => {
    const bytes = gunzipSync(readFileSync(SLICE));
    const expected = countByDay(bytes.toString('utf8'));
    const { result, days } = await ingest(bytes, '1999-10-03', '1999-10-10');
    expect(expected.days.size).toBe(7);
    expect(means(days)).toEqual(means(expected.days));
    expect((result.rows as number) + (result.skippedRows as number)).toBe(expected.rows);
  });

  BANK.describe('the real per-call files (shared data)', () => {
    it.each([
      ['october_1999.txt', '1999-10-01', '1999-11-01', 0.06],
      ['january_1999.txt', '1999-01-01', '1999-02-01', 0.1],
    ])('matches a plain count on the real file %s', async (file, from, to, abandonShare) => {
      const bytes = readFileSync(BANK.file(file));
      const expected = countByDay(bytes.toString('utf8'));
      const { result, days } = await ingest(bytes, from, to);
      expect(means(days)).toEqual(means(expected.days));
      expect((result.rows as number) + (result.skippedRows as number)).toBe(expected.rows);
      // Sanity against the data's README: about 10% (January) and 6% (October) of calls offered to
      // agents abandon; mean handle time is about 180 s.
      let answered = 0;
      let abandoned = 0;
      let handle = 0;
      for (const d of days.values()) {
        answered += d.answered;
        abandoned += d.abandoned;
        handle += d.handleSeconds;
      }
      expect(Math.abs(abandoned / (answered + abandoned) - abandonShare)).toBeLessThan(0.01);
      expect(handle / answered).toBeGreaterThan(150);
      expect(handle / answered).toBeLessThan(220);
    });
  });
});
