import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';
import { createApp } from '../../src/app-factory.js';
import { loadConfig } from '../../src/platform/config/app-config.js';
import { dropDatabase, ensureDatabase } from '../../src/platform/database/embedded-database.js';
import { createLogger } from '../../src/platform/logging/logger.js';
import { testDatabaseUrl } from '../support/test-app.js';

/**
 * Two instances started at the same moment on one new database (a `docker compose up --scale
 * app=2`, a rolling deploy that brings a migration): they migrate one after the other under a
 * lock, each migration runs once, and neither logs an error or needs a retry.
 */
describe('two instances starting together on a new database', () => {
  const server = new URL(testDatabaseUrl());
  const name = `wfm_concurrent_${randomBytes(4).toString('hex')}`;
  const admin = new URL(server.toString());
  admin.pathname = '/postgres';
  const url = new URL(server.toString());
  url.pathname = `/${name}`;

  beforeAll(() => ensureDatabase(admin.toString(), name));
  afterAll(() => dropDatabase(admin.toString(), name));

  it('migrate once, in turn, and both start', async () => {
    let log = '';
    const lines = new PassThrough();
    lines.on('data', (d: Buffer) => (log += d.toString('utf8')));
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn', LOG_FORMAT: 'json', WFM_DB_POOL_SIZE: '3', KPI_SCHEDULE_ENABLED: 'false' });
    const apps: NestExpressApplication[] = [];
    try {
      const started = await Promise.allSettled([0, 1].map(() => createApp(config, url.toString(), createLogger(config, lines))));
      for (const s of started) if (s.status === 'fulfilled') apps.push(s.value);
      expect(started.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled']);
      const [row] = await apps[0].get(DataSource).query<Array<{ n: number; distinct: number }>>('SELECT count(*)::int AS n, count(DISTINCT name)::int AS distinct FROM migrations');
      expect(row).toEqual({ n: MIGRATIONS.length, distinct: MIGRATIONS.length });
      expect(log).not.toMatch(/"level":(50|60)/);
    } finally {
      await Promise.all(apps.map((a) => a.close()));
    }
  });
});
