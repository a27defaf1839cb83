import request from 'supertest';
import { startTestApp, type TenantKeys, type TestApp } from '../support/test-app.js';

/** An Erlang A interval of 10⁵ Erlangs: a few milliseconds of honest work. */
const HEAVY = { volume: 1_000_000, ahtSeconds: 180 };
/** Erlang A over many heavy intervals: a few seconds of honest work. */
const heavyBatch = (n: number): object => ({ model: 'erlang-a', patienceSeconds: 120, goal: { serviceLevelTarget: 0.8, thresholdSeconds: 20 }, intervals: Array.from({ length: n }, () => HEAVY) });

describe('staffing limits: unbounded numbers are refused at once, large batches leave the event loop free', () => {
  let t: TestApp;
  let tenant: TenantKeys;
  const calculate = (body: object): request.Test =>
    request(t.baseUrl).post('/api/v1/staffing/calculate').set('Authorization', `Bearer ${tenant.keys.scheduler}`).send(body);
  const goal = { serviceLevelTarget: 0.8, thresholdSeconds: 20 };

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await t.newTenant();
  });
  afterAll(() => t.close());

  it('answers 422 naming the field, at once, for an AHT of 1e19, a huge volume, too many agents or a load above 10^6 Erlangs', async () => {
    const t0 = Date.now();
    const aht = await calculate({ goal, intervals: [{ volume: 100, ahtSeconds: 1e19 }, { volume: 100, ahtSeconds: 1e19 }, { volume: 100, ahtSeconds: 1e19 }] }).expect(422);
    expect(aht.body).toMatchObject({ code: 'INVALID_INTERVALS', details: { errorCount: 3 } });
    expect(aht.body.details.errors[0]).toEqual({ field: 'intervals[0].ahtSeconds', value: 1e19, reason: 'must be a finite number > 0 (0 only when volume is 0) and <= 86400' });
    const volume = await calculate({ goal, intervals: [{ volume: 1e19, ahtSeconds: 180 }] }).expect(422);
    expect(volume.body.details.errors[0]).toMatchObject({ field: 'intervals[0].volume', reason: 'must be a finite number >= 0 and <= 100000000' });
    const load = await calculate({ goal, intervalMinutes: 1, intervals: [{ volume: 1e8, ahtSeconds: 86_400 }] }).expect(422);
    expect(load.body).toMatchObject({ code: 'INVALID_INTERVALS', details: { errors: [{ field: 'intervals[0]' }] } });
    expect(load.body.message).toContain('at most 1000000');
    const agents = await request(t.baseUrl).post('/api/v1/staffing/evaluate').set('Authorization', `Bearer ${tenant.keys.scheduler}`)
      .send({ goal, intervals: [{ volume: 100, ahtSeconds: 180, agents: 1e15 }] }).expect(422);
    expect(agents.body.details.errors[0]).toMatchObject({ field: 'intervals[0].agents', reason: 'must be an integer >= 0 and <= 10000000' });
    for (const body of [
      { goal: { ...goal, serviceLevelTarget: null }, intervals: [{ volume: 1, ahtSeconds: 1 }] },
      { goal: { ...goal, thresholdSeconds: 1e19 }, intervals: [{ volume: 1, ahtSeconds: 1 }] },
      { goal, shrinkage: 0.999, intervals: [{ volume: 1, ahtSeconds: 1 }] },
      { goal, model: 'erlang-a', patienceSeconds: 1e19, intervals: [{ volume: 1, ahtSeconds: 1 }] },
      { goal, intervals: [{ volume: 1, ahtSeconds: 1, shrinkage: 0.999 }] },
      { goal, intervals: [{ volume: 1, ahtSeconds: 1, start: '2030-02-30T09:00:00Z' }] },
    ]) {
      const res = await calculate(body);
      expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), 422]);
    }
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it('keeps answering /health while a large batch computes in a worker', async () => {
    const started = Date.now();
    let done = false;
    const computing = calculate(heavyBatch(1200)).then((res) => {
      done = true;
      return res;
    });
    let slowest = 0;
    let probes = 0;
    while (!done) {
      const t0 = Date.now();
      await request(t.baseUrl).get('/health').expect(200);
      slowest = Math.max(slowest, Date.now() - t0);
      probes++;
      await new Promise((r) => setTimeout(r, 50));
    }
    const res = await computing;
    expect(res.status).toBe(200);
    expect(res.body.intervals).toHaveLength(1200);
    // On the event loop the batch would hold a probe for about its whole duration; in a worker
    // the slowest probe is a small part of it (relative, so a fast or a loaded machine alike).
    const duration = Date.now() - started;
    expect(duration).toBeGreaterThan(300);
    expect(probes).toBeGreaterThan(3);
    expect(slowest).toBeLessThan(duration / 2);
  });

  it('stops a computation that runs past WFM_COMPUTE_TIMEOUT_SECONDS with 413 COMPUTATION_TOO_LARGE', async () => {
    const short = await startTestApp({ WFM_COMPUTE_TIMEOUT_SECONDS: '1' });
    try {
      const started = Date.now();
      const res = await request(short.baseUrl).post('/api/v1/staffing/calculate').set('Authorization', `Bearer ${tenant.keys.scheduler}`).send(heavyBatch(5000));
      expect([res.status, res.body.code]).toEqual([413, 'COMPUTATION_TOO_LARGE']);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await short.close();
    }
  });

  it('answers a batch from the worker the same as from the event loop', async () => {
    const intervals = Array.from({ length: 400 }, (_, i) => ({ volume: 50 + (i % 200), ahtSeconds: 180 }));
    const body = { model: 'erlang-a', patienceSeconds: 120, goal };
    const big = await calculate({ ...body, intervals }).expect(200);
    const small = await calculate({ ...body, intervals: intervals.slice(0, 50) }).expect(200);
    expect(big.body.intervals.slice(0, 50)).toEqual(small.body.intervals);
  });
});
