import { BREACHED, MET, NOT_APPLICABLE, PENDING } from '../../core/service-objectives/compliance-status.js';
import { compileCalendar, DEFAULT_CALENDAR } from './business-calendar-settings.js';
import { evaluateCases } from './case-evaluation.js';
import type { CaseRow } from './cases.repository.js';
import { addCase, newTotals, resolutionPercentiles, share } from './compliance-rows.js';
import { DEFAULT_POLICY } from './response-policy.js';

// Default policy and calendar (Monday–Friday 09:00–17:00 UTC). 2026-03-06 is a Friday.
// Expected statuses worked out by hand in the comments.
const at = (d: number, h: number, m = 0): number => Date.UTC(2026, 2, d, h, m);
const row = (priority: string, created: number, over: Partial<CaseRow> = {}): CaseRow => ({
  channelId: 1, priority, createdMs: created, firstResponseMs: null, autoReplyMs: null, resolvedMs: null, periodMs: 0, periodAllMs: 0, updatesMs: [], ...over,
});

describe('evaluateCases with the seed\'s default policy', () => {
  const { calendar, businessDaySeconds } = compileCalendar(DEFAULT_CALENDAR);
  const rows = [
    // P1 (15 min, update every hour): response at 09:14 met; updates 10:14, 11:30 (gap 76 min: breached)
    row('P1', at(6, 9), { firstResponseMs: at(6, 9, 14), updatesMs: [at(6, 10, 14), at(6, 11, 30)], resolvedMs: at(6, 12) }),
    // P1 with an automatic reply at 09:01 and an agent response at 09:40: initial met, agent breached
    row('P1', at(6, 9), { autoReplyMs: at(6, 9, 1), firstResponseMs: at(6, 9, 40), resolvedMs: at(6, 10, 30) }),
    // P3 (4 h; update every 2 business days = 16 h): open since Friday 10:00, asOf Monday 12:00:
    // 4 h is long past (breached); business time Friday 10–17 (7 h) + Monday 9–12 (3 h) = 10 h ≤ 16 h: cadence pending
    row('P3', at(6, 10)),
    // P4 (1 business day = 8 h; no cadence): open since Friday 16:00: 1 h + Monday 3 h = 4 h: pending
    row('P4', at(6, 16)),
    // a priority outside the policy: not applicable everywhere
    row('P9', at(6, 9), { resolvedMs: at(6, 9, 30) }),
  ];
  const e = evaluateCases(rows, DEFAULT_POLICY, calendar, businessDaySeconds, at(9, 12));

  it('classifies every measure of every case', () => {
    expect([...e.initialResponse]).toEqual([MET, MET, BREACHED, PENDING, NOT_APPLICABLE]);
    expect([...e.agentResponse]).toEqual([MET, BREACHED, BREACHED, PENDING, NOT_APPLICABLE]);
    expect([...e.autoReply]).toEqual([NOT_APPLICABLE, MET, NOT_APPLICABLE, NOT_APPLICABLE, NOT_APPLICABLE]);
    // case 2: 09:40 → resolved 10:30 (50 min ≤ 1 h): met
    expect([...e.updateCadence]).toEqual([BREACHED, MET, PENDING, NOT_APPLICABLE, NOT_APPLICABLE]);
    expect([...e.resolution]).toEqual([NOT_APPLICABLE, NOT_APPLICABLE, NOT_APPLICABLE, NOT_APPLICABLE, NOT_APPLICABLE]); // the seed sets none
    expect([...e.resolutionSeconds]).toEqual([3 * 3600, 90 * 60, NaN, NaN, 30 * 60]);
  });

  it('sums a group into met ÷ due and nearest-rank percentiles', () => {
    const t = newTotals();
    for (let i = 0; i < rows.length; i++) addCase(t, e, i);
    expect(t).toMatchObject({ cases: 5, open: 2 });
    expect(share(t, 'initialResponse')).toBe(2 / 3); // MET, MET, BREACHED (pending and n/a not due)
    expect(share(t, 'resolution')).toBeNull();
    // resolved: 1800, 5400, 10800 s → p50 rank 2 = 5400, p90 and p95 rank 3 = 10800
    expect(resolutionPercentiles(t)).toEqual([5400, 10800, 10800]);
  });
});
