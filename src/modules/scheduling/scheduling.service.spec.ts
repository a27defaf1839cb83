import type { Principal } from '../../platform/auth/principal.js';
import type { AppConfig } from '../../platform/config/app-config.js';
import type { AdherenceService } from '../adherence/adherence.service.js';
import type { IngestRunner } from '../uploads/ingest-runner.js';
import type { UploadSource } from '../uploads/upload-body.js';
import { DEFAULT_RULES } from './scheduling-rules.js';
import type { ActivityRow, ScenarioRow, SchedulingRepository } from './scheduling.repository.js';
import { SchedulingService, solverError } from './scheduling.service.js';
import { ScheduleSolverTimeout } from './schedule-solver.js';
import { DomainError } from '../../platform/errors/domain-error.js';

const P: Principal = { tenantId: 't1', keyId: 'k1', keyName: 'scheduler key', role: 'scheduler' };
const ID = '5b0f3e1c-7d2a-4c55-9e0b-6f1d2a3b4c5d';
const d = (iso: string): Date => new Date(iso);

const scenario = (status: 'draft' | 'published'): ScenarioRow => ({
  id: ID, planId: 'p', channelCodes: ['sales'], timeZone: 'Europe/Berlin', intervalMinutes: 30,
  fromAt: d('2026-03-01T23:00:00Z'), toAt: d('2026-03-02T23:00:00Z'), status,
  totals: { shifts: 1, agents: 1, openShifts: 0, paidHours: 4, underAgentHours: 0, overAgentHours: 0, intervalsUnder: 0, requiredIntervals: 0, unassignedShifts: 0, residualShrinkage: 0 },
  stages: { design: { status: 'optimal', objective: 0, bound: 0, gap: 0, solveSeconds: 0, variables: 0, constraints: 0 }, roster: null, breaks: { status: 'optimal', objective: 0, bound: 0, gap: 0, solveSeconds: 0, variables: 0, constraints: 0 } },
  createdAt: d('2026-03-01T00:00:00Z'), createdByKeyName: null, publishedAt: status === 'published' ? d('2026-03-01T01:00:00Z') : null, publishUploadId: null,
});

const ACTIVITIES: ActivityRow[] = [
  { agentId: 'A1', team: 'red', channelCodes: ['sales'], activity: 'work', startAt: d('2026-03-02T07:00:00Z'), endAt: d('2026-03-02T09:00:00Z') },
  { agentId: 'A1', team: 'red', channelCodes: ['sales'], activity: 'break', startAt: d('2026-03-02T09:00:00Z'), endAt: d('2026-03-02T09:15:00Z') },
  { agentId: 'A1', team: 'red', channelCodes: ['sales'], activity: 'work', startAt: d('2026-03-02T09:15:00Z'), endAt: d('2026-03-02T11:00:00Z') },
];

const stored = (agentId: string, activity: string, channels: string[], start: string, end: string) => ({
  agentId, team: 'red', channelCodes: channels, activity, startAt: d(start), endAt: d(end), shiftStart: d(start),
});

async function textOf(source: UploadSource): Promise<string> {
  const body = source.open(1e9);
  if (body.type !== 'stream') throw new Error('expected a stream');
  let text = '';
  for await (const chunk of body.chunks) text += chunk.toString('utf8');
  return text;
}

function service(status: 'draft' | 'published', schedule: ReturnType<typeof stored>[]) {
  const uploads: string[] = [];
  const repository = {
    findScenario: () => Promise.resolve(scenario(status)),
    readActivities: () => Promise.resolve(ACTIVITIES),
    readRules: () => Promise.resolve(null),
    markPublished: () => Promise.resolve(d('2026-03-01T02:00:00Z')),
    withPublishLock: <T>(_tenantId: string, work: () => Promise<T>) => work(),
  };
  const adherence = {
    scheduledActivities: () => Promise.resolve(schedule),
    uploadSchedules: async (_t: string, _u: unknown, source: UploadSource) => {
      uploads.push(await textOf(source));
      return { uploadId: 'u1', kind: 'schedules', rows: 3, agents: 1, agentDays: 1, replacedRows: 0, firstStart: null, lastEnd: null, duplicate: false };
    },
  };
  const none = {} as never;
  const s = new SchedulingService(
    repository as unknown as SchedulingRepository, none, none, adherence as unknown as AdherenceService,
    none, none as IngestRunner, none, { uploadLimitBytes: 1e9 } as AppConfig,
  );
  return { s, uploads };
}

describe('SchedulingService.publish', () => {
  it('writes the activities in the schedules upload format and carries the other bookings of the same (agent, day)s', async () => {
    const { s, uploads } = service('draft', [
      stored('A1', 'time-off', ['sales'], '2026-03-02T13:00:00Z', '2026-03-02T14:00:00Z'),
      stored('A1', 'work', ['support'], '2026-03-02T15:00:00Z', '2026-03-02T17:00:00Z'),
      stored('A1', 'meeting', ['sales'], '2026-03-03T08:00:00Z', '2026-03-03T09:00:00Z'),
      stored('A2', 'work', ['sales'], '2026-03-02T07:00:00Z', '2026-03-02T15:00:00Z'),
    ]);
    const out = await s.publish(P, ID, false);
    expect(out).toMatchObject({ scenarioId: ID, status: 'published', uploadId: 'u1', carriedActivities: 2 });
    expect(uploads[0].split('\r\n')).toEqual([
      'agent_id,team,channels,activity,start,end',
      'A1,red,sales,work,2026-03-02T08:00:00+01:00,2026-03-02T10:00:00+01:00',
      'A1,red,sales,break,2026-03-02T10:00:00+01:00,2026-03-02T10:15:00+01:00',
      'A1,red,sales,work,2026-03-02T10:15:00+01:00,2026-03-02T12:00:00+01:00',
      'A1,red,sales,time-off,2026-03-02T14:00:00+01:00,2026-03-02T15:00:00+01:00',
      'A1,red,support,work,2026-03-02T16:00:00+01:00,2026-03-02T18:00:00+01:00',
      '',
    ]);
  });

  it('answers 409 SCHEDULES_EXIST over shifts of its channels on its (agent, day)s, and replaces them with replace', async () => {
    const schedule = [
      stored('A1', 'work', ['sales'], '2026-03-02T12:00:00Z', '2026-03-02T16:00:00Z'),
      stored('A1', 'time-off', ['sales'], '2026-03-02T06:00:00Z', '2026-03-02T07:00:00Z'),
    ];
    const { s, uploads } = service('draft', schedule);
    await expect(s.publish(P, ID, false)).rejects.toMatchObject({ code: 'SCHEDULES_EXIST', details: { agentDays: 1, first: ['A1 2026-03-02'] } });
    expect(uploads).toEqual([]);
    const out = await s.publish(P, ID, true);
    expect(out.carriedActivities).toBe(1);
    expect(uploads[0]).not.toContain('2026-03-02T13:00:00+01:00');
    expect(uploads[0]).toContain('time-off');
  });

  it('answers 409 SCENARIO_ALREADY_PUBLISHED for a published scenario without replace', async () => {
    const { s, uploads } = service('published', []);
    await expect(s.publish(P, ID, false)).rejects.toMatchObject({ code: 'SCENARIO_ALREADY_PUBLISHED' });
    expect(uploads).toEqual([]);
  });
});

describe('SchedulingService.getRules', () => {
  it('answers the defaults until rules are stored', async () => {
    const { s } = service('draft', []);
    await expect(s.getRules('t1')).resolves.toEqual(DEFAULT_RULES);
  });
});

describe('solverError (the job error of a solver failure)', () => {
  it('answers 413 COMPUTATION_TOO_LARGE for a stopped worker, 422 for a problem the core refuses, and keeps anything else', () => {
    const stopped = solverError(new ScheduleSolverTimeout('the schedule solver ran longer than 90 s (time limit + 30 s) and was stopped'));
    expect(stopped).toBeInstanceOf(DomainError);
    expect((stopped as DomainError).code).toBe('COMPUTATION_TOO_LARGE');
    const refused = solverError(new RangeError('solveSchedule requires intervalMinutes to be positive'));
    expect((refused as DomainError).code).toBe('VALIDATION_FAILED');
    const bug = new Error('ran longer than expected'); // the words alone do not make a timeout
    expect(solverError(bug)).toBe(bug);
  });
});
