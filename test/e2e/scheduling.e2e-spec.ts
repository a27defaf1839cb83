import request from 'supertest';
import { evaluateStaffingBatch } from '../../src/core/staffing/evaluate-staffing-batch.js';
import { JobsService } from '../../src/modules/jobs/jobs.service.js';
import { failsWith } from '../support/error-body.js';
import { startTestApp, type TenantKeys, type TestApp } from '../support/test-app.js';

/**
 * Schedules from the requirement (issue 17) over HTTP: rules, roster, a plan → generate (job) →
 * scenario totals, coverage and activities → publish → the interval comparison shows the
 * published schedule. Channel `sales` (Europe/Berlin, 30-minute intervals), forecast Monday
 * 2 and Tuesday 3 March 2026, 07:00–21:00 local.
 */
describe('scheduling', () => {
  let t: TestApp;
  let tenant: TenantKeys;
  let planId: string;
  let scenarioId: string;
  const as = (role: keyof TenantKeys['keys']): [string, string] => ['Authorization', `Bearer ${tenant.keys[role]}`];

  /** Waits for a job of this process and answers it. */
  async function finished(jobId: string): Promise<{ status: string; result: { id: string } & Record<string, unknown>; error: unknown }> {
    await t.app.get(JobsService).settled(jobId);
    return (await request(t.baseUrl).get(`/api/v1/jobs/${jobId}`).set(...as('analyst')).expect(200)).body;
  }

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await t.newTenant();
    await request(t.baseUrl).put('/api/v1/channels/sales').set(...as('admin'))
      .send({ name: 'Sales', media: 'voice-inbound', timeZone: 'Europe/Berlin', serviceLevelTarget: 0.8, thresholdSeconds: 20, shrinkage: 0.3 }).expect(201);
    const rows = ['channel,interval_start,volume,aht_seconds'];
    for (const day of ['2026-03-02', '2026-03-03']) {
      for (let m = 7 * 60; m < 21 * 60; m += 30) {
        const hh = String(Math.floor(m / 60)).padStart(2, '0');
        const mm = String(m % 60).padStart(2, '0');
        const volume = m >= 9 * 60 && m < 17 * 60 ? 40 : 15;
        rows.push(`sales,${day} ${hh}:${mm},${volume},240`);
      }
    }
    const version = await request(t.baseUrl).post('/api/v1/forecasts?label=week%2010').set(...as('planner')).set('Content-Type', 'text/csv').send(rows.join('\n')).expect(201);
    planId = (await request(t.baseUrl).post('/api/v1/staffing/plans').set(...as('scheduler')).send({ forecastVersionId: version.body.id }).expect(201)).body.id;
  }, 60_000);
  afterAll(() => t?.close());

  describe('rules', () => {
    it('answers the documented defaults until an admin PUTs rules, then the stored rules', async () => {
      const defaults = (await request(t.baseUrl).get('/api/v1/scheduling/rules').set(...as('scheduler')).expect(200)).body;
      expect(defaults.shiftTypes.map((s: { lengthMinutes: number }) => s.lengthMinutes)).toEqual([240, 360, 480, 540]);
      expect(defaults).toMatchObject({ minRestMinutes: 660, daysOffPerWeek: 2, lateHour: '20:00', penalties: { underPerAgentHour: 4, overPerAgentHour: 0.1 } });
      const s8 = defaults.shiftTypes[2];
      expect(s8.breaks).toContainEqual({ code: 'lunch', lengthMinutes: 30, earliestStartMinutes: 180, latestStartMinutes: 300, paid: false });

      const put = await request(t.baseUrl).put('/api/v1/scheduling/rules').set(...as('admin')).send({
        shiftTypes: [
          { code: 'E8', lengthMinutes: 480, startStepMinutes: 30, startWindows: { mon: [['07:00', '13:00']], tue: [['07:00', '13:00']] },
            breaks: [{ code: 'lunch', lengthMinutes: 30, earliestStartMinutes: 180, latestStartMinutes: 300, paid: false }] },
          { code: 'P4', lengthMinutes: 240, startStepMinutes: 30, startWindows: { mon: [['07:00', '17:00']], tue: [['07:00', '17:00']] },
            breaks: [{ code: 'break', lengthMinutes: 15, earliestStartMinutes: 90, latestStartMinutes: 150, paid: true }] },
        ],
        minRestMinutes: 720,
      }).expect(200);
      expect(put.body).toMatchObject({ minRestMinutes: 720, daysOffPerWeek: 2, lateHour: '20:00' });
      const got = await request(t.baseUrl).get('/api/v1/scheduling/rules').set(...as('analyst')).expect(200);
      expect(got.body).toEqual(put.body);
    });

    it('refuses invalid rules naming each field', async () => {
      const res = await request(t.baseUrl).put('/api/v1/scheduling/rules').set(...as('admin')).send({
        shiftTypes: [{ code: 'X', lengthMinutes: 250, startWindows: { mon: [['07:00', '13:10']] },
          breaks: [{ code: 'lunch', lengthMinutes: 30, earliestStartMinutes: 180, latestStartMinutes: 240, paid: false }, { code: 'nap', lengthMinutes: 15, earliestStartMinutes: 10, latestStartMinutes: 20, paid: true }] }],
        daysOffPerWeek: 9,
      }).expect(failsWith(422, 'VALIDATION_FAILED'));
      const fields = (res.body.details.errors as Array<{ field: string }>).map((e) => e.field);
      expect(fields).toEqual(expect.arrayContaining([
        'shiftTypes[0].lengthMinutes', 'shiftTypes[0].startWindows.mon[0]', 'shiftTypes[0].breaks[0].latestStartMinutes', 'shiftTypes[0].breaks[1].code', 'daysOffPerWeek',
      ]));
    });

    it('lets only admins write the rules', async () => {
      for (const role of ['scheduler', 'planner', 'analyst'] as const) {
        await request(t.baseUrl).put('/api/v1/scheduling/rules').set(...as(role)).send({}).expect(failsWith(403, 'FORBIDDEN'));
      }
    });
  });

  describe('roster', () => {
    const header = 'agent_id,team,channels,min_weekly_hours,max_weekly_hours,available_days,available_from,available_to';
    const good = [
      'A1,red,sales,0,40,mon-fri,,',
      'A2,red,sales,0,40,,,',
      'A3,blue,sales,0,40,mon|tue,07:00,21:00',
      'A4,blue,sales,0,40,,,',
      'A5,blue,sales,0,40,,,',
      'A6,red,sales,0,40,,,',
      'A7,red,sales,0,40,,,',
      'A8,blue,sales,0,40,,,',
    ];

    it('refuses an upload with a bad line, naming line and column, and stores nothing', async () => {
      const csv = [header, good[0], 'B1,red,fax,0,40,,,', 'B2,red,sales,50,40,mon-xyz,25:00,'].join('\n');
      const res = await request(t.baseUrl).post('/api/v1/agents').set(...as('scheduler')).set('Content-Type', 'text/csv').send(csv).expect(failsWith(422, 'INVALID_ROWS'));
      expect(res.body.details.errors).toEqual(expect.arrayContaining([
        expect.objectContaining({ line: 3, column: 'channels' }),
        expect.objectContaining({ line: 4, column: 'max_weekly_hours' }),
        expect.objectContaining({ line: 4, column: 'available_days' }),
        expect.objectContaining({ line: 4, column: 'available_from' }),
      ]));
      const list = await request(t.baseUrl).get('/api/v1/agents').set(...as('analyst')).expect(200);
      expect(list.body.data).toEqual([]);
    });

    it('stores the roster; the same upload again is a duplicate; another upload replaces agents without duplicating them', async () => {
      const csv = [header, ...good].join('\n');
      const first = await request(t.baseUrl).post('/api/v1/agents').set(...as('scheduler')).set('Content-Type', 'text/csv').send(csv).expect(201);
      expect(first.body).toMatchObject({ kind: 'agents', rows: 8, inserted: 8, updated: 0, duplicate: false });
      const again = await request(t.baseUrl).post('/api/v1/agents').set(...as('scheduler')).set('Content-Type', 'text/csv').send(csv).expect(200);
      expect(again.body).toMatchObject({ uploadId: first.body.uploadId, duplicate: true });
      const changed = await request(t.baseUrl).post('/api/v1/agents').set(...as('scheduler')).set('Content-Type', 'text/csv')
        .send([header, 'A1,red,sales,10,38,mon-fri,,'].join('\n')).expect(201);
      expect(changed.body).toMatchObject({ inserted: 0, updated: 1 });
      const page1 = await request(t.baseUrl).get('/api/v1/agents?limit=5').set(...as('analyst')).expect(200);
      const page2 = await request(t.baseUrl).get(`/api/v1/agents?limit=5&cursor=${page1.body.next}`).set(...as('analyst')).expect(200);
      expect([...page1.body.data, ...page2.body.data].map((a: { agentId: string }) => a.agentId)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8']);
      expect(page2.body.next).toBeNull();
      expect(page1.body.data[0]).toMatchObject({ agentId: 'A1', team: 'red', channels: ['sales'], minWeeklyHours: 10, maxWeeklyHours: 38, availableDays: ['mon', 'tue', 'wed', 'thu', 'fri'], availableFrom: null });
      expect(page1.body.data[2]).toMatchObject({ agentId: 'A3', availableDays: ['mon', 'tue'], availableFrom: '07:00', availableTo: '21:00' });
    });

    it('PUTs and GETs one agent, validating the fields', async () => {
      const created = await request(t.baseUrl).put('/api/v1/agents/A9').set(...as('scheduler'))
        .send({ team: 'blue', channels: ['sales'], maxWeeklyHours: 20, availableDays: ['mon'] }).expect(201);
      expect(created.body).toMatchObject({ agentId: 'A9', minWeeklyHours: 0, maxWeeklyHours: 20, availableDays: ['mon'] });
      await request(t.baseUrl).put('/api/v1/agents/A9').set(...as('scheduler')).send({ team: 'blue', channels: ['sales'], maxWeeklyHours: 24, availableDays: ['mon'] }).expect(200);
      expect((await request(t.baseUrl).get('/api/v1/agents/A9').set(...as('analyst')).expect(200)).body.maxWeeklyHours).toBe(24);
      await request(t.baseUrl).get('/api/v1/agents/nobody').set(...as('analyst')).expect(failsWith(404, 'AGENT_NOT_FOUND'));
      await request(t.baseUrl).put('/api/v1/agents/A9').set(...as('scheduler')).send({ channels: ['fax'] }).expect(failsWith(422, 'UNKNOWN_CHANNELS'));
      const bad = await request(t.baseUrl).put('/api/v1/agents/A9').set(...as('scheduler')).send({ channels: ['sales'], minWeeklyHours: 30, maxWeeklyHours: 20.1 }).expect(failsWith(422, 'VALIDATION_FAILED'));
      expect(bad.body.details.errors.map((e: { field: string }) => e.field)).toEqual(['maxWeeklyHours', 'maxWeeklyHours']);
      await request(t.baseUrl).put('/api/v1/agents/A9').set(...as('analyst')).send({ channels: ['sales'] }).expect(failsWith(403, 'FORBIDDEN'));
    });
  });

  describe('generate', () => {
    it('refuses bad requests before starting a job', async () => {
      const send = (body: object) => request(t.baseUrl).post('/api/v1/schedules/generate').set(...as('scheduler')).send(body);
      await send({ plan: '5b0f3e1c-7d2a-4c55-9e0b-6f1d2a3b4c5d', from: '2026-03-02', to: '2026-03-04' }).expect(failsWith(404, 'PLAN_NOT_FOUND'));
      const reversed = await send({ plan: planId, from: '2026-03-04', to: '2026-03-02' }).expect(failsWith(422, 'VALIDATION_FAILED'));
      expect(reversed.body.details.errors[0].field).toBe('to');
      const outside = await send({ plan: planId, from: '2026-02-23', to: '2026-03-04' }).expect(failsWith(422, 'VALIDATION_FAILED'));
      expect(outside.body.details.errors[0].field).toBe('from');
      const unknown = await send({ plan: planId, from: '2026-03-02', to: '2026-03-04', channels: ['fax'] }).expect(failsWith(422, 'UNKNOWN_CHANNELS'));
      expect(unknown.body.details.errors[0].field).toBe('channels');
      const badDate = await send({ plan: planId, from: '2026-02-30', to: '2026-03-04' }).expect(failsWith(422, 'VALIDATION_FAILED'));
      expect(badDate.body.details.errors[0].field).toBe('from');
      for (const role of ['planner', 'analyst'] as const) {
        await request(t.baseUrl).post('/api/v1/schedules/generate').set(...as(role)).send({ plan: planId, from: '2026-03-02', to: '2026-03-04' }).expect(failsWith(403, 'FORBIDDEN'));
      }
      await request(t.baseUrl).get('/api/v1/schedule-scenarios/5b0f3e1c-7d2a-4c55-9e0b-6f1d2a3b4c5d').set(...as('analyst')).expect(failsWith(404, 'SCENARIO_NOT_FOUND'));
    });

    it('generates a draft scenario as a job: totals, coverage (null without a requirement) and activities that agree', async () => {
      // A2 is off Monday morning: no shift of A2 may overlap it.
      await request(t.baseUrl).post('/api/v1/schedules').set(...as('scheduler')).set('Content-Type', 'text/csv')
        .send('agent_id,team,channels,activity,start,end\nA2,red,sales,time-off,2026-03-02T07:00:00+01:00,2026-03-02T13:00:00+01:00').expect(201);
      const started = await request(t.baseUrl).post('/api/v1/schedules/generate').set(...as('scheduler'))
        .send({ plan: planId, from: '2026-03-02', to: '2026-03-04', timeLimitSeconds: 5 }).expect(202);
      expect(started.body).toMatchObject({ kind: 'schedule-generate' });
      const job = await finished(started.body.id);
      expect(job.error).toBeNull();
      expect(job.status).toBe('succeeded');
      scenarioId = job.result.id;

      const scenario = (await request(t.baseUrl).get(`/api/v1/schedule-scenarios/${scenarioId}`).set(...as('analyst')).expect(200)).body;
      expect(scenario).toMatchObject({ plan: planId, channels: ['sales'], timeZone: 'Europe/Berlin', intervalMinutes: 30, status: 'draft', from: '2026-03-01T23:00:00Z', to: '2026-03-03T23:00:00Z' });
      expect(scenario.totals.shifts).toBeGreaterThan(0);
      expect(scenario.totals.requiredIntervals).toBe(56);
      expect(scenario.stages.design.status).toMatch(/optimal|gap-reached|time-limit|greedy/);
      expect(scenario.stages.roster).not.toBeNull();

      const coverage = (await request(t.baseUrl).get(`/api/v1/schedule-scenarios/${scenarioId}/coverage?limit=10000`).set(...as('analyst')).expect(200)).body.data as Array<Record<string, number | null | string>>;
      expect(coverage).toHaveLength(96);
      expect(coverage[0]).toMatchObject({ periodStart: '2026-03-01T23:00:00Z', periodStartLocal: '2026-03-02T00:00:00+01:00', channels: 'sales', requiredAgents: null, underAgents: null, overAgents: null });
      const nine = coverage.find((r) => r.periodStartLocal === '2026-03-02T09:00:00+01:00')!;
      expect(nine.requiredAgents).toEqual(expect.any(Number));
      if ((nine.onPhoneAgents as number) > 0) expect(nine.serviceLevel).toEqual(expect.any(Number));

      // Activities page by page; coverage recomputed from them equals the coverage listing.
      const activities: Array<{ agentId: string; activity: string; start: string; end: string; channels: string }> = [];
      let cursor: string | null = null;
      do {
        const url: string = `/api/v1/schedule-scenarios/${scenarioId}/activities?limit=7${cursor ? `&cursor=${cursor}` : ''}`;
        const page = (await request(t.baseUrl).get(url).set(...as('analyst')).expect(200)).body;
        activities.push(...page.data);
        cursor = page.next;
      } while (cursor);
      expect(activities.length).toBeGreaterThan(0);
      for (const a of activities.filter((x) => x.agentId === 'A2')) {
        expect(Date.parse(a.end) <= Date.parse('2026-03-02T06:00:00Z') || Date.parse(a.start) >= Date.parse('2026-03-02T12:00:00Z')).toBe(true);
      }
      // A3 may start on Monday and Tuesday only, 07:00–21:00; A9 on Mondays (weekly hours 24).
      for (const a of activities.filter((x) => x.agentId === 'A3')) {
        expect(a.start.slice(0, 10) === a.end.slice(0, 10) && a.start.slice(11, 16) >= '07:00' && a.end.slice(11, 16) <= '21:00').toBe(true);
      }
      expect(new Set(activities.map((a) => a.activity))).toEqual(new Set(['work', 'lunch', 'break'].filter((c) => activities.some((a) => a.activity === c))));
      const onPhone = new Float64Array(96);
      const from = Date.parse('2026-03-01T23:00:00Z');
      for (const a of activities.filter((x) => x.activity === 'work')) {
        const [s, e] = [Date.parse(a.start), Date.parse(a.end)];
        for (let k = 0; k < 96; k++) {
          const lo = Math.max(s, from + k * 1_800_000);
          const hi = Math.min(e, from + (k + 1) * 1_800_000);
          if (hi > lo) onPhone[k] += (hi - lo) / 1_800_000;
        }
      }
      coverage.forEach((r, k) => expect(r.onPhoneAgents).toBeCloseTo(onPhone[k], 9));
      let under = 0;
      for (const r of coverage) if (r.requiredAgents !== null) under += Math.max(0, (r.requiredAgents as number) - (r.onPhoneAgents as number)) * 0.5;
      expect(scenario.totals.underAgentHours).toBeCloseTo(under, 9);

      const csv = await request(t.baseUrl).get(`/api/v1/schedule-scenarios/${scenarioId}/activities?format=csv`).set(...as('analyst')).expect(200);
      const lines = csv.text.trim().split('\r\n');
      expect(lines[0]).toBe('agent_id,team,channels,activity,start,end');
      expect(lines).toHaveLength(activities.length + 1);
      const covCsv = await request(t.baseUrl).get(`/api/v1/schedule-scenarios/${scenarioId}/coverage?format=csv`).set(...as('analyst')).expect(200);
      expect(covCsv.text.split('\r\n')[0]).toBe('period_start,period_start_local,channels,required_agents,on_phone_agents,under_agents,over_agents,service_level,asa_seconds');
      expect(covCsv.text.split('\r\n')[1]).toBe('2026-03-01T23:00:00Z,2026-03-02T00:00:00+01:00,sales,,0,,,,');
      // forged cursors (an instant no Date holds, a cursor of another listing) are 400, never a query error
      const forged = (code: string, key: string): string => Buffer.from(JSON.stringify([code, key])).toString('base64url');
      for (const [what, cursor] of [['coverage', forged('coverage', '1e300')], ['coverage', forged('agent', '0')], ['activities', forged('a1', '99999999999999999999')], ['activities', forged('a1', 'x')]]) {
        await request(t.baseUrl).get(`/api/v1/schedule-scenarios/${scenarioId}/${what}?cursor=${cursor}`).set(...as('analyst')).expect(failsWith(400, 'MALFORMED_REQUEST'));
      }
    }, 120_000);

    it('publishes into the schedules: the interval comparison shows the scheduled agents; again without replace is 409', async () => {
      const coverage = (await request(t.baseUrl).get(`/api/v1/schedule-scenarios/${scenarioId}/coverage?limit=10000`).set(...as('analyst')).expect(200)).body.data as Array<{ periodStart: string; onPhoneAgents: number }>;
      await request(t.baseUrl).post(`/api/v1/schedule-scenarios/${scenarioId}/publish`).set(...as('analyst')).send({}).expect(failsWith(403, 'FORBIDDEN'));
      const published = await request(t.baseUrl).post(`/api/v1/schedule-scenarios/${scenarioId}/publish`).set(...as('scheduler')).send({}).expect(200);
      expect(published.body).toMatchObject({ scenarioId, status: 'published', duplicate: false });
      // A2's time off is written again with A2's Monday shift, if A2 has one (then it is the one replaced row).
      expect(published.body.replacedRows).toBe(published.body.carriedActivities);
      const timeOff = await t.dataSource.query(`SELECT count(*)::int AS n FROM schedule_activities WHERE tenant_id = $1 AND agent_id = 'A2' AND activity = 'time-off'`, [tenant.tenantId]);
      expect(timeOff[0].n).toBe(1);
      expect((await request(t.baseUrl).get(`/api/v1/schedule-scenarios/${scenarioId}`).set(...as('analyst')).expect(200)).body.status).toBe('published');

      const report = await request(t.baseUrl).get('/api/v1/reports/interval-comparison?channel=sales&from=2026-03-02&to=2026-03-04&limit=10000').set(...as('analyst')).expect(200);
      // The report lists the intervals with data (the plan's 56); each shows the scenario's agents on the phones as scheduled.
      const onPhone = new Map(coverage.map((c) => [c.periodStart, c.onPhoneAgents]));
      const rows = report.body.data as Array<{ periodStart: string; scheduledAgents: number | null }>;
      expect(rows).toHaveLength(56);
      for (const r of rows) expect(r.scheduledAgents).toBeCloseTo(onPhone.get(r.periodStart)!, 9);
      expect(rows.some((r) => (r.scheduledAgents ?? 0) > 0)).toBe(true);

      await request(t.baseUrl).post(`/api/v1/schedule-scenarios/${scenarioId}/publish`).set(...as('scheduler')).send({}).expect(failsWith(409, 'SCENARIO_ALREADY_PUBLISHED'));
      const again = await request(t.baseUrl).post(`/api/v1/schedule-scenarios/${scenarioId}/publish`).set(...as('scheduler')).send({ replace: true }).expect(200);
      expect(again.body).toMatchObject({ uploadId: published.body.uploadId, duplicate: true });
    });

    it('a second scenario over the published days answers 409 SCHEDULES_EXIST unless replace', async () => {
      const started = await request(t.baseUrl).post('/api/v1/schedules/generate').set(...as('scheduler'))
        .send({ plan: planId, from: '2026-03-02', to: '2026-03-04', timeLimitSeconds: 2 }).expect(202);
      const job = await finished(started.body.id);
      expect(job.status).toBe('succeeded');
      const id = job.result.id;
      // Named agents take shifts (the roster is in the channel).
      expect((job.result as unknown as { totals: { agents: number } }).totals.agents).toBeGreaterThan(0);
      await request(t.baseUrl).post(`/api/v1/schedule-scenarios/${id}/publish`).set(...as('scheduler')).send({}).expect(failsWith(409, 'SCHEDULES_EXIST'));
      const replaced = await request(t.baseUrl).post(`/api/v1/schedule-scenarios/${id}/publish`).set(...as('scheduler')).send({ replace: true }).expect(200);
      // The same schedule as the first scenario is the same upload (duplicate: nothing written); any other replaces its days.
      expect(replaced.body.duplicate || replaced.body.replacedRows > 0).toBe(true);
      const coverage = (await request(t.baseUrl).get(`/api/v1/schedule-scenarios/${id}/coverage?limit=10000`).set(...as('analyst')).expect(200)).body.data as Array<{ periodStart: string; onPhoneAgents: number }>;
      const report = await request(t.baseUrl).get('/api/v1/reports/interval-comparison?channel=sales&from=2026-03-02&to=2026-03-04&limit=10000').set(...as('analyst')).expect(200);
      const onPhone = new Map(coverage.map((c) => [c.periodStart, c.onPhoneAgents]));
      for (const r of report.body.data as Array<{ periodStart: string; scheduledAgents: number }>) expect(r.scheduledAgents).toBeCloseTo(onPhone.get(r.periodStart)!, 9);
    }, 120_000);

    it('schedules a channel without a roster as open shifts, published under their OPEN ids', async () => {
      await request(t.baseUrl).put('/api/v1/channels/support').set(...as('admin'))
        .send({ name: 'Support', media: 'chat', timeZone: 'Europe/Berlin', serviceLevelTarget: 0.8, thresholdSeconds: 60, shrinkage: 0.2 }).expect(201);
      const rows = ['channel,interval_start,volume,aht_seconds'];
      for (let h = 8; h < 16; h++) rows.push(`support,2026-03-04 ${String(h).padStart(2, '0')}:00,20,300`, `support,2026-03-04 ${String(h).padStart(2, '0')}:30,20,300`);
      const version = await request(t.baseUrl).post('/api/v1/forecasts').set(...as('planner')).set('Content-Type', 'text/csv').send(rows.join('\n')).expect(201);
      const plan = (await request(t.baseUrl).post('/api/v1/staffing/plans').set(...as('scheduler')).send({ forecastVersionId: version.body.id }).expect(201)).body.id as string;
      const notInPlan = await request(t.baseUrl).post('/api/v1/schedules/generate').set(...as('scheduler'))
        .send({ plan, from: '2026-03-04', to: '2026-03-05', channels: ['sales'] }).expect(failsWith(422, 'VALIDATION_FAILED'));
      expect(notInPlan.body.details.errors[0].field).toBe('channels');
      // The rules PUT above start shifts on Monday and Tuesday only: a Wednesday has no candidate.
      const none = await request(t.baseUrl).post('/api/v1/schedules/generate').set(...as('scheduler')).send({ plan, from: '2026-03-04', to: '2026-03-05' }).expect(failsWith(422, 'VALIDATION_FAILED'));
      expect(none.body.details.errors[0].field).toBe('from');
      await request(t.baseUrl).put('/api/v1/scheduling/rules').set(...as('admin')).send({}).expect(200);
      const started = await request(t.baseUrl).post('/api/v1/schedules/generate').set(...as('scheduler')).send({ plan, from: '2026-03-04', to: '2026-03-05', timeLimitSeconds: 2 }).expect(202);
      const job = await finished(started.body.id);
      expect(job.status).toBe('succeeded');
      const id = job.result.id;
      const scenario = (await request(t.baseUrl).get(`/api/v1/schedule-scenarios/${id}`).set(...as('analyst')).expect(200)).body;
      const ofPlan = await request(t.baseUrl).get(`/api/v1/schedule-scenarios?plan=${plan}`).set(...as('analyst')).expect(200);
      expect(ofPlan.body).toEqual({ data: [scenario], next: null });
      const first = await request(t.baseUrl).get('/api/v1/schedule-scenarios?limit=2').set(...as('analyst')).expect(200);
      const rest = await request(t.baseUrl).get(`/api/v1/schedule-scenarios?limit=2&cursor=${first.body.next}`).set(...as('analyst')).expect(200);
      expect([...first.body.data, ...rest.body.data].map((x: { id: string }) => x.id)).toHaveLength(3);
      expect(first.body.data[0].id).toBe(id);
      expect(rest.body.next).toBeNull();
      expect(scenario.totals).toMatchObject({ agents: 0 });
      expect(scenario.totals.openShifts).toBe(scenario.totals.shifts);
      expect(scenario.totals.shifts).toBeGreaterThan(0);
      expect(scenario.stages.roster).toBeNull();
      const csv = (await request(t.baseUrl).get(`/api/v1/schedule-scenarios/${id}/activities`).set(...as('analyst')).set('Accept', 'text/csv').expect(200)).text;
      const ids = new Set(csv.trim().split('\r\n').slice(1).map((l) => l.split(',')[0]));
      const prefix = `OPEN-${id.slice(0, 8).toUpperCase()}-`;
      expect([...ids].every((a) => a.startsWith(prefix) && /^\d{3}$/.test(a.slice(prefix.length)))).toBe(true);
      expect(ids.has(`${prefix}001`)).toBe(true);
      // The CSV is the schedules upload format: uploading it again is accepted (it replaces the same days).
      await request(t.baseUrl).post(`/api/v1/schedule-scenarios/${id}/publish`).set(...as('scheduler')).send({}).expect(200);
      const reupload = await request(t.baseUrl).post('/api/v1/schedules').set(...as('scheduler')).set('Content-Type', 'text/csv').send(csv).expect(200);
      expect(reupload.body.duplicate).toBe(true);
      const report = await request(t.baseUrl).get('/api/v1/reports/interval-comparison?channel=support&from=2026-03-04&to=2026-03-05').set(...as('analyst')).expect(200);
      expect((report.body.data as Array<{ scheduledAgents: number }>).some((r) => r.scheduledAgents > 0)).toBe(true);
    }, 120_000);

    it('publishes two scenarios over the same days one after the other: one is written, the other answers 409', async () => {
      await request(t.baseUrl).put('/api/v1/channels/back').set(...as('admin'))
        .send({ name: 'Back office', media: 'voice-inbound', timeZone: 'Europe/Berlin', serviceLevelTarget: 0.8, thresholdSeconds: 20, shrinkage: 0.3 }).expect(201);
      for (const agent of ['B1', 'B2', 'B3']) {
        await request(t.baseUrl).put(`/api/v1/agents/${agent}`).set(...as('scheduler')).send({ team: 'back', channels: ['back'], maxWeeklyHours: 40 }).expect(201);
      }
      const rows = ['channel,interval_start,volume,aht_seconds'];
      for (let h = 8; h < 16; h++) rows.push(`back,2026-03-09 ${String(h).padStart(2, '0')}:00,10,240`, `back,2026-03-09 ${String(h).padStart(2, '0')}:30,10,240`);
      const version = await request(t.baseUrl).post('/api/v1/forecasts').set(...as('planner')).set('Content-Type', 'text/csv').send(rows.join('\n')).expect(201);
      const plan = (await request(t.baseUrl).post('/api/v1/staffing/plans').set(...as('scheduler')).send({ forecastVersionId: version.body.id }).expect(201)).body.id as string;
      const ids: string[] = [];
      for (let k = 0; k < 2; k++) {
        const started = await request(t.baseUrl).post('/api/v1/schedules/generate').set(...as('scheduler')).send({ plan, from: '2026-03-09', to: '2026-03-10', timeLimitSeconds: 2 }).expect(202);
        const job = await finished(started.body.id);
        expect(job.status).toBe('succeeded');
        expect((job.result as unknown as { totals: { agents: number } }).totals.agents).toBeGreaterThan(0);
        ids.push(job.result.id);
      }
      const answers = await Promise.all(ids.map((id) => request(t.baseUrl).post(`/api/v1/schedule-scenarios/${id}/publish`).set(...as('scheduler')).send({})));
      expect(answers.map((a) => [a.status, a.body.code ?? 'written']).sort()).toEqual([[200, 'written'], [409, 'SCHEDULES_EXIST']]);
    }, 120_000);

    it('grosses the requirement up by residualShrinkage and predicts from the agents it leaves on the phones', async () => {
      await request(t.baseUrl).post('/api/v1/schedules/generate').set(...as('scheduler'))
        .send({ plan: planId, from: '2026-03-02', to: '2026-03-03', residualShrinkage: 0.95 }).expect(failsWith(422, 'VALIDATION_FAILED'));
      const started = await request(t.baseUrl).post('/api/v1/schedules/generate').set(...as('scheduler'))
        .send({ plan: planId, from: '2026-03-02', to: '2026-03-03', timeLimitSeconds: 2, residualShrinkage: 0.2 }).expect(202);
      const job = await finished(started.body.id);
      expect(job.status).toBe('succeeded');
      expect((job.result as unknown as { totals: { residualShrinkage: number } }).totals.residualShrinkage).toBe(0.2);
      const plan = (await request(t.baseUrl).get(`/api/v1/staffing/plans/${planId}/intervals?limit=10000`).set(...as('analyst')).expect(200)).body.data as Array<{ periodStart: string; volume: number; ahtSeconds: number; agents: number }>;
      const byStart = new Map(plan.map((r) => [r.periodStart, r]));
      const coverage = (await request(t.baseUrl).get(`/api/v1/schedule-scenarios/${job.result.id}/coverage?limit=10000`).set(...as('analyst')).expect(200)).body.data as Array<{ periodStart: string; requiredAgents: number | null; onPhoneAgents: number; serviceLevel: number | null }>;
      let checked = 0;
      for (const c of coverage) {
        const p = byStart.get(c.periodStart);
        if (!p) {
          expect(c.requiredAgents).toBeNull();
          continue;
        }
        expect(c.requiredAgents).toBeCloseTo(p.agents / 0.8, 12);
        if (c.onPhoneAgents > 0 && p.volume > 0) {
          // Erlang C 80/20 of the channel at the agents expected on the phones: on-phone × 0.8
          const serviceLevel = new Float64Array(1);
          evaluateStaffingBatch(
            { model: 'erlang-c', intervalSeconds: 1800, volume: Float64Array.of(p.volume), ahtSeconds: Float64Array.of(p.ahtSeconds), agents: Float64Array.of(c.onPhoneAgents * 0.8), thresholdSeconds: 20, concurrency: 1 },
            { serviceLevel },
          );
          expect(c.serviceLevel).toBeCloseTo(serviceLevel[0], 12);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(10);
    }, 120_000);
  });
});
