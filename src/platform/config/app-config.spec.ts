import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../project-root.js';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from './app-config.js';

describe('loadConfig', () => {
  it('gives every variable its documented default on an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: null,
      dataDir: '.wfm',
      embeddedPgPort: 54329,
      adminApiKey: null,
      logLevel: 'info',
      logFormat: 'pretty',
      uploadLimitBytes: 200_000_000,
      seedDemoData: true,
    });
    expect(loadConfig({ NODE_ENV: 'production' }).logFormat).toBe('json');
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['LOG_LEVEL', 'loud'],
    ['WFM_ADMIN_API_KEY', 'short'],
    ['NODE_ENV', 'staging'],
    ['WFM_SEED_DEMO', 'maybe'],
    ['LOG_FORMAT', 'xml'],
  ])('refuses %s=%s with an error naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^Invalid configuration: ${name} `));
  });

  it('is mirrored one for one in .env.example, defaults and descriptions included', () => {
    const text = readFileSync(join(projectRoot(), '.env.example'), 'utf8');
    for (const v of CONFIG_VARIABLES) {
      expect(text).toContain(`# ${v.description}\n${v.name}=${v.defaultValue}\n`);
    }
    const names = [...text.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]);
    expect(names).toEqual(CONFIG_VARIABLES.map((v) => v.name));
  });
});
