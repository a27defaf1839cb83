/**
 * The layer rules of eslint.layers.js fail on the imports they forbid (the five that once ran
 * from a lower layer back up, and a core one) and pass on the imports the layers allow.
 */
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { layerRules } from '../../eslint.layers.js';

const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, ...layerRules],
});

async function restricted(filePath: string, line: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${line}\nexport const x = 1;\n`, { filePath });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

describe('layer rules', () => {
  it.each([
    ['platform → a feature module', 'src/platform/health/health.controller.ts', "import { Public } from '../../modules/auth/roles.js';"],
    ['platform → the composition root', 'src/platform/app-factory.ts', "import { AppModule } from '../app.module.js';"],
    ["a module → another module's repository", 'src/modules/auth/api-key.guard.ts', "import { ApiKeysRepository } from '../api-keys/api-keys.repository.js';"],
    ["a module → another module's DTO (shared vocabulary)", 'src/modules/reports/reports.repository.ts', "import type { Granularity } from '../forecasting/dto/forecast-accuracy.dto.js';"],
    ["a module → another module's DTO (an HTTP listing)", 'src/modules/kpis/adherence.source.ts', "import type { AdherenceQueryDto } from '../adherence/dto/adherence.dto.js';"],
    ["a DTO → another module's DTO", 'src/modules/reports/dto/calibration.dto.ts', "import { ChannelPutDto } from '../../channels/dto/channel.dto.js';"],
    ['core → a feature module', 'src/core/time/create-zone-clock.ts', "import { zoneClockFor } from '../../modules/channels/zone-clocks.js';"],
    ['core → the platform', 'src/core/time/create-zone-clock.ts', "import { DomainError } from '../../platform/errors/domain-error.js';"],
    ['core → the framework', 'src/core/time/create-zone-clock.ts', "import { Injectable } from '@nestjs/common';"],
  ])('refuses %s', async (_name, filePath, line) => {
    expect(await restricted(filePath, line)).toEqual(['no-restricted-imports']);
  });

  it.each([
    ["a module → another module's service", 'src/modules/reports/interval-reader.ts', "import { AdherenceService } from '../adherence/adherence.service.js';"],
    ["a module → another module's index", 'src/modules/kpis/kpis.controller.ts', "import { JobDto } from '../jobs/index.js';"],
    ['a module → its own DTO and repository', 'src/modules/reports/interval-comparison.service.ts', "import { ReportsRepository } from './reports.repository.js';\nimport type { IntervalComparisonQueryDto } from './dto/interval-comparison.dto.js';"],
    ['a module → the platform and the core', 'src/modules/reports/interval-reader.ts', "import { DomainError } from '../../platform/errors/domain-error.js';\nimport type { Granularity } from '../../core/time/granularity.js';"],
    ['platform → the core', 'src/platform/database/period-sql.ts', "import type { Granularity } from '../../core/time/granularity.js';"],
    ['the composition root → modules', 'src/app.module.ts', "import { ReportsModule } from './modules/reports/reports.module.js';"],
  ])('allows %s', async (_name, filePath, line) => {
    expect(await restricted(filePath, line)).toEqual([]);
  });
});
