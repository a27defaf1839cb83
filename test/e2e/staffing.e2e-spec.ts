import request from 'supertest';
import { REFERENCE_ERLANG_A_CASE } from '../../src/core/queueing/reference/reference-erlang-a-case.js';
import { failsWith } from '../support/error-body.js';
import { startTestApp, type TenantKeys, type TestApp } from '../support/test-app.js';

/**
 * Golden values through the HTTP API. Sources:
 * - A = 10 Erlang C case: pyworkforce documentation (ErlangC example, 100 transactions per
 *   30 min, AHT 3 min, 80/20, shrinkage 30%) and the R package ErlangC (`erlang_c` vignette):
 *   14 agents, SL 0.8883500, ASA 7.835937 s, wait probability 0.1741319, 20 with shrinkage;
 *   occupancy cap 0.70 → 15 agents, 22 scheduled.
 * - Erlang B 17 lines for 2% at 10 Erlangs: the standard Erlang B table (e.g. Cooper,
 *   "Introduction to Queueing Theory", table; any Erlang B calculator).
 * - Erlang A reference case (patience 300 s, 14 agents, t = 20 s): no publication; the
 *   Mandelbaum & Zeltyn (2005) closed forms evaluated at 50 digits with mpmath, independently
 *   of this code (src/core/queueing/reference/reference-erlang-a-case.ts, which gives the
 *   script): wait probability 0.14526, abandon rate 0.013984, answered within 20 s over
 *   offered 0.916792.
 */
describe('staffing API', () => {
  let t: TestApp;
  let tenant: TenantKeys;
  const post = (path: string, body: unknown, role: keyof TenantKeys['keys'] = 'scheduler') =>
    request(t.baseUrl).post(`/api/v1/staffing/${path}`).set('Authorization', `Bearer ${tenant.keys[role]}`).send(body as object);
  const a10 = { volume: 100, ahtSeconds: 180 };
  const goal8020 = { serviceLevelTarget: 0.8, thresholdSeconds: 20 };

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await t.newTenant();
    // A stored shrinkage of 0.5 and goal 90/30: the body's goal and shrinkage override them where given.
    await request(t.baseUrl).put('/api/v1/channels/sales').set('Authorization', `Bearer ${tenant.keys.admin}`)
      .send({ name: 'Sales', media: 'voice-inbound', timeZone: 'UTC', intervalMinutes: 30, serviceLevelTarget: 0.9, thresholdSeconds: 30, shrinkage: 0.5 }).expect(201);
  });
  afterAll(() => t.close());

  it("applies the channel's stored settings that the body does not override, and refuses an unknown channel", async () => {
    // Goal 80/20 from the body (14 agents, the A = 10 case), shrinkage 0.5 from the channel: ceil(14 / 0.5) = 28.
    const res = await post('calculate', { goal: goal8020, intervals: [{ start: '2026-03-02T09:00:00Z', channel: 'sales', ...a10 }] }).expect(200);
    expect(res.body.intervals[0]).toMatchObject({ agents: 14, requiredWithShrinkage: 28 });
    const unknown = await post('calculate', { goal: goal8020, intervals: [{ start: '2026-03-02T09:00:00Z', channel: 'nope', ...a10 }] }).expect(422);
    expect(unknown.body).toMatchObject({ code: 'UNKNOWN_CHANNELS', details: { unknown: ['nope'] } });
  });

  it('calculates the A = 10 Erlang C case exactly', async () => {
    const res = await post('calculate', { intervalMinutes: 30, goal: goal8020, shrinkage: 0.3, intervals: [{ start: '2026-03-02T09:00:00Z', channel: 'sales', ...a10 }] }).expect(200);
    const r = res.body.intervals[0];
    expect(r).toMatchObject({ start: '2026-03-02T09:00:00Z', channel: 'sales', agents: 14, requiredWithShrinkage: 20, binding: 'service-level', warnings: [], abandonRate: null });
    expect(r.serviceLevel).toBeCloseTo(0.88835, 6);
    expect(r.asaSeconds).toBeCloseTo(7.835937, 5);
    expect(r.waitProbability).toBeCloseTo(0.1741319, 6);
    expect(r.occupancy).toBeCloseTo(10 / 14, 12);
    expect(r.agentsFractional).toBeGreaterThan(13);
    expect(r.agentsFractional).toBeLessThan(14);
    expect(r.agentsFractional).toBeCloseTo(13.04, 2);
    expect(res.body.totals).toMatchObject({ agentHours: 7, requiredWithShrinkageHours: 10, volume: 100 });
    expect(res.body.totals.agentHoursFractional).toBeCloseTo(r.agentsFractional / 2, 12);
  });

  it('an occupancy cap of 0.70 binds at 15 agents, 22 scheduled', async () => {
    const res = await post('calculate', { goal: { ...goal8020, maxOccupancy: 0.7 }, shrinkage: 0.3, intervals: [a10] }).expect(200);
    expect(res.body.intervals[0]).toMatchObject({ agents: 15, requiredWithShrinkage: 22, binding: 'occupancy' });
  });

  it('interval shrinkage overrides the request shrinkage', async () => {
    const res = await post('calculate', { goal: goal8020, shrinkage: 0.3, intervals: [a10, { ...a10, shrinkage: 0.5 }] }).expect(200);
    expect(res.body.intervals.map((r: { requiredWithShrinkage: number }) => r.requiredWithShrinkage)).toEqual([20, 28]);
  });

  it('Erlang B: 17 lines for 2% blocking at 10 Erlangs', async () => {
    const res = await post('calculate', { model: 'erlang-b', goal: { maxBlocking: 0.02 }, intervals: [a10] }).expect(200);
    expect(res.body.intervals[0]).toMatchObject({ agents: 17, binding: 'blocking', serviceLevel: null, asaSeconds: null });
    expect(res.body.intervals[0].blockingProbability).toBeLessThanOrEqual(0.02);
  });

  it('Erlang A evaluate: the reference 14-agent case', async () => {
    const res = await post('evaluate', {
      model: 'erlang-a', patienceSeconds: 300, goal: goal8020,
      serviceLevelDefinition: 'answered-within/offered', intervals: [{ ...a10, agents: 14 }],
    }, 'analyst').expect(200);
    const r = res.body.intervals[0];
    expect(r.waitProbability).toBeCloseTo(REFERENCE_ERLANG_A_CASE.waitProbability, 12);
    expect(r.abandonRate).toBeCloseTo(REFERENCE_ERLANG_A_CASE.abandonRate, 12);
    expect(r.serviceLevel).toBeCloseTo(REFERENCE_ERLANG_A_CASE.answeredWithinThreshold, 12);
    expect(r).toMatchObject({ agents: 14, binding: null, agentsFractional: null });
  });

  it('Erlang A calculate meets a maximum abandon rate', async () => {
    const res = await post('calculate', { model: 'erlang-a', patienceSeconds: 300, goal: { maxAbandonRate: 0.01 }, intervals: [a10] }).expect(200);
    const r = res.body.intervals[0];
    expect(r.binding).toBe('abandon-rate');
    expect(r.abandonRate).toBeLessThanOrEqual(0.01);
    const fewer = await post('evaluate', { model: 'erlang-a', patienceSeconds: 300, goal: {}, intervals: [{ ...a10, agents: r.agents - 1 }] }).expect(200);
    expect(fewer.body.intervals[0].abandonRate).toBeGreaterThan(0.01);
  });

  it('flags staffing below the occupancy floor as over-staffed', async () => {
    const res = await post('calculate', { goal: { ...goal8020, minOccupancy: 0.75 }, intervals: [a10] }).expect(200);
    expect(res.body.intervals[0]).toMatchObject({ agents: 14, warnings: ['min-occupancy'] });
    const fine = await post('calculate', { goal: { ...goal8020, minOccupancy: 0.7 }, intervals: [a10] }).expect(200);
    expect(fine.body.intervals[0].warnings).toEqual([]);
  });

  it('models chat concurrency c as an effective handle time AHT / c', async () => {
    const chat = await post('calculate', { goal: goal8020, concurrency: 2, intervals: [{ volume: 200, ahtSeconds: 360 }] }).expect(200);
    const same = await post('calculate', { goal: goal8020, intervals: [{ volume: 200, ahtSeconds: 180 }] }).expect(200);
    expect(chat.body.intervals[0].agents).toBe(same.body.intervals[0].agents);
    expect(chat.body.intervals[0].serviceLevel).toBeCloseTo(same.body.intervals[0].serviceLevel, 12);
  });

  it('volume 0 needs 0 agents', async () => {
    const res = await post('calculate', { goal: goal8020, intervals: [{ volume: 0, ahtSeconds: 180 }] }).expect(200);
    expect(res.body.intervals[0]).toMatchObject({ agents: 0, requiredWithShrinkage: 0, binding: 'none' });
  });

  it('evaluate reports overload under Erlang C explicitly, never a negative or infinite number', async () => {
    const res = await post('evaluate', { goal: goal8020, intervals: [{ ...a10, agents: 9 }, { ...a10, agents: 10 }] }).expect(200);
    for (const r of res.body.intervals) {
      expect(r).toMatchObject({ serviceLevel: 0, waitProbability: 1, asaSeconds: null });
      expect(r.warnings).toContain('overloaded');
    }
  });

  it('uses the stored goal of each channel when the request has none', async () => {
    await request(t.baseUrl).put('/api/v1/channels/voice').set('Authorization', `Bearer ${tenant.keys.admin}`)
      .send({ name: 'Voice', media: 'voice-inbound', timeZone: 'UTC', serviceLevelTarget: 0.8, thresholdSeconds: 20, shrinkage: 0.3 }).expect(201);
    await request(t.baseUrl).put('/api/v1/channels/chat').set('Authorization', `Bearer ${tenant.keys.admin}`)
      .send({ name: 'Chat', media: 'chat', timeZone: 'UTC', serviceLevelTarget: 0.8, thresholdSeconds: 20, maxOccupancy: 0.7, shrinkage: 0.3 }).expect(201);
    const res = await post('calculate', { intervals: [{ channel: 'voice', ...a10 }, { channel: 'chat', ...a10 }] }).expect(200);
    expect(res.body.intervals.map((r: { agents: number; requiredWithShrinkage: number }) => [r.agents, r.requiredWithShrinkage])).toEqual([[14, 20], [15, 22]]);
    const unknown = await post('calculate', { intervals: [{ channel: 'nope', ...a10 }] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.code).toBe('UNKNOWN_CHANNELS');
  });

  it('says which stored channel goals the model cannot use, instead of dropping them silently', async () => {
    await request(t.baseUrl).put('/api/v1/channels/care').set('Authorization', `Bearer ${tenant.keys.admin}`)
      .send({ name: 'Care', media: 'voice-inbound', timeZone: 'UTC', serviceLevelTarget: 0.8, thresholdSeconds: 20, maxAbandonRate: 0.05, patienceSeconds: 120, shrinkage: 0.3 }).expect(201);
    const erlangC = await post('calculate', { intervals: [{ channel: 'care', ...a10 }] }).expect(200);
    expect(erlangC.body.notes).toEqual(['channel care: its stored maxAbandonRate 0.05 is not used by erlang-c (the model has no abandonment; use erlang-a with patienceSeconds)']);
    const erlangA = await post('calculate', { model: 'erlang-a', intervals: [{ channel: 'care', ...a10 }] }).expect(200);
    expect(erlangA.body.notes).toEqual([]);
    // a goal in the body replaces the channel's goal as a whole: nothing stored is left out
    const ownGoal = await post('calculate', { goal: goal8020, intervals: [{ channel: 'care', ...a10 }] }).expect(200);
    expect(ownGoal.body.notes).toEqual([]);
  });

  it.each([
    [{ goal: goal8020, intervals: [a10, { volume: -4, ahtSeconds: 180 }] }, 'INVALID_INTERVALS', 'intervals[1].volume'],
    [{ goal: goal8020, intervals: [{ volume: 10, ahtSeconds: 0 }] }, 'INVALID_INTERVALS', 'intervals[0].ahtSeconds'],
    [{ goal: goal8020, intervals: [{ volume: 10, ahtSeconds: 'x' }] }, 'INVALID_INTERVALS', 'intervals[0].ahtSeconds'],
    [{ goal: goal8020, intervals: [{ ...a10, shrinkage: 1 }] }, 'INVALID_INTERVALS', 'intervals[0].shrinkage'],
    [{ goal: goal8020, intervals: [{ ...a10, colour: 'red' }] }, 'INVALID_INTERVALS', 'intervals[0].colour'],
    [{ goal: goal8020, shrinkage: 1, intervals: [a10] }, 'VALIDATION_FAILED', 'shrinkage'],
    [{ goal: { serviceLevelTarget: 1.5, thresholdSeconds: 20 }, intervals: [a10] }, 'VALIDATION_FAILED', 'goal.serviceLevelTarget'],
    [{ goal: { serviceLevelTarget: 0, thresholdSeconds: 20 }, intervals: [a10] }, 'VALIDATION_FAILED', 'goal.serviceLevelTarget'],
    [{ goal: { serviceLevelTarget: 0.8, thresholdSeconds: -1 }, intervals: [a10] }, 'VALIDATION_FAILED', 'goal.thresholdSeconds'],
    [{ goal: { serviceLevelTarget: 0.8 }, intervals: [a10] }, 'VALIDATION_FAILED', 'goal.thresholdSeconds'],
    [{ model: 'erlang-x', goal: goal8020, intervals: [a10] }, 'VALIDATION_FAILED', 'model'],
    [{ serviceLevelDefinition: 'answered/whatever', goal: goal8020, intervals: [a10] }, 'VALIDATION_FAILED', 'serviceLevelDefinition'],
    [{ model: 'erlang-a', goal: goal8020, intervals: [a10] }, 'VALIDATION_FAILED', 'patienceSeconds'],
    [{ model: 'erlang-c', goal: { maxAbandonRate: 0.05 }, intervals: [a10] }, 'VALIDATION_FAILED', 'goal.maxAbandonRate'],
    [{ goal: {}, intervals: [a10] }, 'VALIDATION_FAILED', 'goal'],
    [{ model: 'erlang-a', patienceSeconds: 120, goal: { maxAbandonRate: 0 }, intervals: [a10, a10] }, 'GOAL_UNREACHABLE', 'intervals[0]'],
    [{ intervals: [a10] }, 'VALIDATION_FAILED', 'intervals[0].channel'],
  ])('refuses %j with 422 %s naming %s', async (body, code, field) => {
    const res = await post('calculate', body);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe(code);
    expect(res.body.details.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(res.body.message).toContain(field);
  });

  it('evaluate requires integer agents on every interval', async () => {
    const res = await post('evaluate', { goal: goal8020, intervals: [a10] });
    failsWith(422, 'INVALID_INTERVALS')(res);
    expect(res.body.details.errors[0].field).toBe('intervals[0].agents');
    expect(res.body.message).toBe('1 interval field is invalid: intervals[0].agents: must be an integer >= 0 and <= 10000000');
    const two = await post('evaluate', { goal: goal8020, intervals: [a10, a10] });
    expect(two.body.message).toBe('2 interval fields are invalid; first: intervals[0].agents: must be an integer >= 0 and <= 10000000');
  });

  it('answers 413 TOO_MANY_INTERVALS above 100,000 intervals', async () => {
    const intervals = Array.from({ length: 100_001 }, () => ({ volume: 1, ahtSeconds: 1 }));
    const res = await post('calculate', { goal: goal8020, intervals });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('TOO_MANY_INTERVALS');
  });

  it('keeps request order and sums totals over many intervals', async () => {
    const intervals = Array.from({ length: 48 }, (_, i) => ({ volume: i * 10, ahtSeconds: 200 + i }));
    const res = await post('calculate', { goal: goal8020, intervals }).expect(200);
    expect(res.body.intervals).toHaveLength(48);
    const agents = res.body.intervals.map((r: { agents: number }) => r.agents);
    for (let i = 1; i < 48; i++) expect(agents[i]).toBeGreaterThanOrEqual(agents[i - 1]);
    expect(res.body.totals.agentHours).toBe(agents.reduce((s: number, a: number) => s + a, 0) / 2);
  });
});
