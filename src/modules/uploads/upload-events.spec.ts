import type { Logger } from 'pino';
import { touchedRangeOf, UploadEvents, type UploadCommitted } from './upload-events.js';

describe('UploadEvents', () => {
  const event: UploadCommitted = { tenantId: 't', kind: 'interval-actuals', uploadId: 'u', fromUtc: null, toUtc: null };

  it('calls every listener in the background, in order; a failing one neither stops the others nor throws', async () => {
    const warnings: unknown[] = [];
    const events = new UploadEvents({ warn: (o: unknown) => warnings.push(o) } as unknown as Logger);
    const calls: string[] = [];
    events.onCommitted(() => Promise.reject(new Error('boom')));
    events.onCommitted((e) => {
      calls.push(e.uploadId);
      return Promise.resolve();
    });
    events.committed(event);
    await events.idle();
    expect(calls).toEqual(['u']);
    expect(warnings).toHaveLength(1);
  });

  it('reads the touched range from a result naming its first and last interval (the last widened by an hour)', () => {
    expect(touchedRangeOf({ firstIntervalStart: '2026-03-02T08:00:00Z', lastIntervalStart: '2026-03-02T09:30:00Z' })).toEqual({
      fromUtc: new Date('2026-03-02T08:00:00Z'), toUtc: new Date('2026-03-02T10:30:00Z'),
    });
    expect(touchedRangeOf({ rows: 3 })).toEqual({ fromUtc: null, toUtc: null });
    expect(touchedRangeOf(null)).toEqual({ fromUtc: null, toUtc: null });
  });
});
