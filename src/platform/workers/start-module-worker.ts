import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { projectRoot } from '../project-root.js';

/**
 * ESM loader hooks for a worker started from the TypeScript sources (the test suite runs src/
 * through swc, without a build): `./x.js` resolves to `./x.ts` when only that exists, and `.ts`
 * files are transpiled by @swc/core, a development dependency. Built code never uses them.
 */
const TS_SOURCE_HOOKS = `
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
let swc;
export function initialize(data) { swc = createRequire(data.base)('@swc/core'); }
export function resolve(specifier, context, next) {
  if (context.parentURL?.startsWith('file:') && specifier.startsWith('.') && specifier.endsWith('.js')) {
    const js = new URL(specifier, context.parentURL);
    const ts = new URL(specifier.slice(0, -3) + '.ts', context.parentURL);
    if (!existsSync(fileURLToPath(js)) && existsSync(fileURLToPath(ts))) return { url: ts.href, format: 'module', shortCircuit: true };
  }
  return next(specifier, context);
}
export function load(url, context, next) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return next(url, context);
  const filename = fileURLToPath(url);
  const { code } = swc.transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false }, target: 'es2022' },
    module: { type: 'es6' },
  });
  return { format: 'module', source: code, shortCircuit: true };
}`;

const dataUrl = (source: string): string => `data:text/javascript,${encodeURIComponent(source)}`;

/**
 * Starts a worker thread on the ES module `url` (`new URL('./x.worker.js', import.meta.url)`).
 * In the build the module is there as JavaScript; from the TypeScript sources (tests) the
 * `.ts` beside it runs, transpiled on load.
 */
export function startModuleWorker(url: URL): Worker {
  if (existsSync(fileURLToPath(url))) return new Worker(url);
  const source = new URL(url.href.replace(/\.js$/, '.ts'));
  const base = pathToFileURL(`${projectRoot()}/package.json`).href;
  const boot = `import { register } from 'node:module';
register(${JSON.stringify(dataUrl(TS_SOURCE_HOOKS))}, { data: { base: ${JSON.stringify(base)} } });
await import(${JSON.stringify(source.href)});`;
  return new Worker(new URL(dataUrl(boot)));
}
