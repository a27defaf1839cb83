import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/platform/database/data-source-options.js';
import { readFloat8Columns } from '../../src/platform/database/float8-columns.js';
import { testDatabaseUrl } from '../support/test-app.js';

/**
 * The packed float8 reader against the real server: every value must equal what the same query
 * gives as plain rows through the text protocol, parsed independently (PostgreSQL 12+ prints
 * float8 round-trip exact), in the same order.
 */
describe('readFloat8Columns on PostgreSQL', () => {
  let db: DataSource;
  beforeAll(async () => {
    db = new DataSource({ ...dataSourceOptions(testDatabaseUrl(), 2), migrationsRun: false });
    await db.initialize();
  });
  afterAll(() => db.destroy());

  const VALUES = `(VALUES (1, 42::int4, 0.1::float8, '2026-03-29 00:59:59.999+00'::timestamptz),
      (2, -2147483648, '-0'::float8, '1969-12-31 23:59:59.5+00'),
      (3, NULL, 1e-300, '2000-01-01 00:00:00+00'),
      (4, 2147483647, 1.7976931348623157e308, NULL),
      (5, 0, NULL, '2100-02-28 12:34:56.789+00')) v(k, i, f, t)`;

  it('reads ints, floats, epoch milliseconds and NULLs as the text protocol does, in row order', async () => {
    const select = `SELECT k, i, f, date_part('epoch', t) * 1000 FROM ${VALUES} ORDER BY k`;
    const got = await readFloat8Columns(db, select, 4, []);
    const rows: Array<Record<string, string | null>> = await db.query(`SELECT k::text AS k, i::text AS i, f::text AS f, (date_part('epoch', t) * 1000)::text AS t FROM ${VALUES} ORDER BY k`);
    const num = (x: string | null): number => (x === null ? NaN : Number(x));
    expect(got.length).toBe(5);
    (['k', 'i', 'f', 't'] as const).forEach((name, c) => expect(Array.from(got.columns[c])).toEqual(rows.map((r) => num(r[name]))));
    expect(Object.is(got.columns[2][1], -0)).toBe(true);
    expect(got.columns[3][0]).toBe(Date.parse('2026-03-29T00:59:59.999Z'));
  });

  it('takes parameters, and reads no rows as empty columns', async () => {
    const got = await readFloat8Columns(db, `SELECT k, f FROM ${VALUES} WHERE k > $1 ORDER BY k`, 2, [9]);
    expect(got.length).toBe(0);
    expect(got.columns.map((c) => c.length)).toEqual([0, 0]);
  });

  it('keeps the order of many rows', async () => {
    const got = await readFloat8Columns(db, 'SELECT k, k::float8 / 3 FROM generate_series(34999, 0, -1) k', 2, []);
    expect(got.length).toBe(35000);
    for (const i of [0, 1, 17_321, 34_999]) {
      expect(got.columns[0][i]).toBe(34_999 - i);
      expect(got.columns[1][i]).toBe((34_999 - i) / 3);
    }
  });
});
