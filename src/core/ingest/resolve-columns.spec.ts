import { resolveColumns } from './resolve-columns.js';

const COLUMNS = [
  { name: 'channel', required: true },
  { name: 'interval_start', required: true },
  { name: 'shrinkage', required: false },
];

describe('resolveColumns', () => {
  it('finds columns in any order, case and blanks ignored; absent optional columns are -1', () => {
    const { positions, issues } = resolveColumns([' Interval_Start', 'channel'], COLUMNS);
    expect([...positions]).toEqual([1, 0, -1]);
    expect(issues).toEqual([]);
  });

  it('reports unknown, repeated and missing columns', () => {
    const { issues } = resolveColumns(['channel', 'channel', 'volumes'], COLUMNS);
    expect(issues.map((i) => [i.column, i.reason.split(';')[0]])).toEqual([
      ['channel', 'column appears more than once'],
      ['volumes', 'unknown column'],
      ['interval_start', 'required column is missing'],
    ]);
  });
});
