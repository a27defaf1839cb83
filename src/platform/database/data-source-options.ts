import type { DataSource, DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../migrations/index.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

/** TypeORM options of the one PostgreSQL database: never synchronize, always migrations. */
export function dataSourceOptions(url: string, poolSize: number): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    migrations: MIGRATIONS,
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    extra: { max: poolSize, application_name: 'wfm-engine' },
  };
}

/** Advisory lock key held while one instance migrates ('wfm-migrations' as an int). */
const MIGRATION_LOCK = 0x77666d6d;

/**
 * Initialises `dataSource` (built with `migrationsRun: false`) and runs the pending migrations
 * while holding a PostgreSQL advisory lock: instances that start together on one database
 * migrate one after the other (the later ones find nothing to do) instead of racing.
 */
export async function initializeMigrated(dataSource: DataSource): Promise<DataSource> {
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    }
  } catch (error) {
    await runner.release().catch(() => undefined);
    await dataSource.destroy().catch(() => undefined);
    throw error;
  }
  await runner.release();
  return dataSource;
}
