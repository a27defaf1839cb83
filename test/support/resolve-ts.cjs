/*
 * Jest loads globalSetup through CommonJS require, where moduleNameMapper does not apply.
 * Our sources import siblings as `./x.js` (NodeNext ESM); resolve those to `./x.ts`.
 */
const Module = require('node:module');
const path = require('node:path');
const fs = require('node:fs');
const original = Module._resolveFilename;
Module._resolveFilename = function resolveTs(request, parent, ...rest) {
  if (request.startsWith('.') && request.endsWith('.js') && parent && parent.filename) {
    const candidate = path.resolve(path.dirname(parent.filename), request.replace(/\.js$/, '.ts'));
    if (fs.existsSync(candidate)) return candidate;
  }
  return original.call(this, request, parent, ...rest);
};
