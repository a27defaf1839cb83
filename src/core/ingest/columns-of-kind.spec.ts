import { columnsOfKind } from './columns-of-kind.js';

describe('columnsOfKind', () => {
  it('lists the canonical columns of each kind, channel first, required ones included', () => {
    expect(columnsOfKind('forecast').map((c) => c.name)).toEqual(['channel', 'interval_start', 'volume', 'aht_seconds', 'shrinkage', 'volume_p10', 'volume_p90']);
    expect(columnsOfKind('interval-actuals').filter((c) => c.required)).toHaveLength(10);
    expect(columnsOfKind('contacts').filter((c) => c.timestamp).map((c) => c.name)).toEqual(['arrived_at', 'answered_at', 'ended_at', 'abandoned_at']);
    for (const kind of ['forecast', 'interval-actuals', 'contacts'] as const) expect(columnsOfKind(kind)[0]?.name).toBe('channel');
  });
});
