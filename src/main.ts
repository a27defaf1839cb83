import 'reflect-metadata';
import { ApiKeysService } from './modules/api-keys/api-keys.service.js';
import { DemoSeeder } from './modules/demo/demo.seeder.js';
import { createApp } from './app-factory.js';
import { ConfigError, loadConfig, type AppConfig } from './platform/config/app-config.js';
import { ensureDatabase, startEmbeddedDatabase, type EmbeddedDatabase } from './platform/database/embedded-database.js';
import { createLogger } from './platform/logging/logger.js';

function readConfig(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config);
  const started = Date.now();
  let embedded: EmbeddedDatabase | null = null;
  let databaseUrl = config.databaseUrl;
  if (databaseUrl === null) {
    logger.info({ dataDir: config.dataDir, port: config.embeddedPgPort }, 'starting the embedded PostgreSQL');
    embedded = await startEmbeddedDatabase({
      dataDir: config.dataDir,
      port: config.embeddedPgPort,
      log: (m) => logger.debug({ source: 'postgres' }, m),
      notice: (m) => logger.info({ source: 'postgres' }, m),
    });
  }
  // A start that fails after the embedded server started stops it, rather than orphan it.
  const stopEmbedded = async (): Promise<void> => {
    await embedded?.stop().catch((error: unknown) => logger.warn({ err: error }, 'could not stop the embedded PostgreSQL'));
  };
  let app: Awaited<ReturnType<typeof createApp>>;
  let generatedKey: string | null;
  try {
    if (embedded) {
      await ensureDatabase(embedded.adminUrl, 'wfm');
      databaseUrl = embedded.urlFor('wfm');
    }
    app = await createApp(config, databaseUrl ?? '', logger);
    ({ generatedKey } = await app.get(ApiKeysService).bootstrap());
    if (config.seedDemoData) await app.get(DemoSeeder).seed();
    await app.listen(config.port, config.host);
  } catch (error) {
    await stopEmbedded();
    throw error;
  }

  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    void (async () => {
      await app.close().catch((error: unknown) => logger.error({ err: error }, 'error while closing the app'));
      await stopEmbedded();
      process.exit(0);
    })();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  const base = `http://${config.host}:${config.port}`;
  const lines = [
    '',
    `  WFM engine ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    `  API:      ${base}/api/v1`,
    `  Docs:     ${base}/docs  (OpenAPI: ${base}/docs-json)`,
    `  Health:   ${base}/health`,
    `  Database: ${embedded ? `embedded PostgreSQL 15 in ${embedded.clusterDir} (port ${config.embeddedPgPort})` : 'DATABASE_URL'}`,
    generatedKey
      ? `  Auth:     Authorization: Bearer ${generatedKey}\n            (admin key generated now and shown only once: keep it; set WFM_ADMIN_API_KEY to choose your own)`
      : config.adminApiKey
        ? '  Auth:     Authorization: Bearer <WFM_ADMIN_API_KEY>'
        : '  Auth:     Authorization: Bearer <API key> (create more with POST /api/v1/api-keys)',
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((error: unknown) => {
  console.error('WFM engine failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
