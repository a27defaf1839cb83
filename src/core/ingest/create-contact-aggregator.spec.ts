import { createContactAggregator } from './create-contact-aggregator.js';

describe('createContactAggregator', () => {
  it('counts offered, answered, abandoned, within-threshold (wait <= t), totals and distinct agents', () => {
    const a = createContactAggregator();
    const t0 = Date.UTC(2026, 2, 2, 8, 0);
    const t1 = Date.UTC(2026, 2, 2, 8, 30);
    a.add(1, t0, { outcome: 'answered', waitSeconds: 20, handleSeconds: 100, agentId: 'ann' }, 20, 2);
    a.add(1, t0, { outcome: 'answered', waitSeconds: 21, handleSeconds: 200, agentId: 'bob' }, 20, 3);
    a.add(1, t0, { outcome: 'answered', waitSeconds: 0, handleSeconds: 60, agentId: 'ann' }, 20, 4);
    a.add(1, t0, { outcome: 'abandoned', waitSeconds: 5, handleSeconds: null, agentId: null }, 20, 5);
    a.add(1, t0, { outcome: 'abandoned', waitSeconds: 50, handleSeconds: null, agentId: null }, 20, 6);
    a.add(1, t0, { outcome: 'ignored', waitSeconds: null, handleSeconds: null, agentId: null }, 20, 7);
    a.add(2, t1, { outcome: 'ignored', waitSeconds: null, handleSeconds: null, agentId: null }, 30, 8);
    a.add(1, t1, { outcome: 'answered', waitSeconds: 3, handleSeconds: 30, agentId: null }, 20, 9);
    expect(a.intervals()).toEqual([
      {
        channelId: 1, intervalStartMs: t0, offered: 5, answered: 3, abandoned: 2, answeredWithinThreshold: 2,
        abandonedWithinThreshold: 1, thresholdSeconds: 20, handleSeconds: 360, waitSeconds: 41, agentsHandled: 2,
        ignored: 1, firstLine: 2,
      },
      {
        channelId: 1, intervalStartMs: t1, offered: 1, answered: 1, abandoned: 0, answeredWithinThreshold: 1,
        abandonedWithinThreshold: 0, thresholdSeconds: 20, handleSeconds: 30, waitSeconds: 3, agentsHandled: 0,
        ignored: 0, firstLine: 9,
      },
      {
        channelId: 2, intervalStartMs: t1, offered: 0, answered: 0, abandoned: 0, answeredWithinThreshold: 0,
        abandonedWithinThreshold: 0, thresholdSeconds: 30, handleSeconds: 0, waitSeconds: 0, agentsHandled: 0,
        ignored: 1, firstLine: 8,
      },
    ]);
  });
});
