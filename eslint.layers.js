/**
 * The layers of src/, as import rules (docs/ARCHITECTURE.md): src/core imports nothing outside
 * it; src/platform imports no feature module and not the composition root; a feature module
 * reaches another module only through its public files (its service, module, entities and plain
 * types), never through its dto/ folder or its repository. Shared by eslint.config.js and the
 * test that proves each rule fails on the imports it forbids (test/unit/layers.spec.ts).
 */
const NOT_CORE = [
  { group: ['**/modules/**', '**/platform/**', '**/app.module*', '**/app-factory*', '**/main*'], message: 'src/core is the bottom layer: it imports nothing outside src/core' },
];
const NOT_ABOVE_PLATFORM = [
  { group: ['**/modules/**', '**/app.module*', '**/app-factory*'], message: 'src/platform imports no feature module and not the composition root (move shared vocabulary into src/platform or src/core)' },
];
const ONLY_PUBLIC_FILES = [
  { group: ['../*/dto/*', '../../*/dto/*', '../../modules/*/dto/*'], message: "another module's DTOs are its HTTP shape: import its service (or its index.ts), or move shared vocabulary to src/core or src/platform" },
  { group: ['../*/*.repository*', '../../*/*.repository*', '../../modules/*/*.repository*'], message: "another module's repository is its own: call its service" },
];

/** The core's purity patterns (framework, database, node). */
const CORE_PURITY = [
  { group: ['@nestjs/*'], message: 'src/core is pure: no framework imports' },
  { group: ['typeorm', 'typeorm/*', 'pg', 'class-validator', 'class-transformer'], message: 'src/core is pure: no database or validation imports' },
  { group: ['node:*', 'fs', 'path', 'crypto', 'os', 'worker_threads'], message: 'src/core is pure: no node:* imports' },
];
/** Flat-config entries with the rules (patterns only; the caller supplies parsers). */
export const layerRules = [
  { files: ['src/core/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [...CORE_PURITY, ...NOT_CORE] }] } },
  { files: ['src/platform/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: NOT_ABOVE_PLATFORM }] } },
  { files: ['src/modules/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: ONLY_PUBLIC_FILES }] } },
];

