import type { NextFunction, Request, Response } from 'express';
import { DomainError } from '../errors/domain-error.js';

/** Deepest nesting of arrays and objects a JSON body may have (the deepest route needs 4). */
export const MAX_JSON_DEPTH = 32;

const NUL_IN_URL = /%00/i;

/**
 * The first problem of a parsed JSON value: nesting deeper than `maxDepth`, or a NUL byte in a
 * key or a string (PostgreSQL text cannot hold 0x00). Iterative, so no depth can overflow the
 * stack; O(size of the value). Returns null when the value is fine.
 */
export function jsonProblem(value: unknown, maxDepth: number): { path: string; reason: string } | null {
  const stack: Array<{ v: unknown; depth: number; path: string }> = [{ v: value, depth: 0, path: '' }];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const { v, depth, path } = top;
    if (typeof v === 'string') {
      if (v.includes('\0')) return { path, reason: 'contains a NUL byte (\\u0000)' };
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= maxDepth) return { path, reason: `nests arrays and objects deeper than ${maxDepth} levels` };
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], depth: depth + 1, path: `${path}[${i}]` });
      continue;
    }
    for (const key of Object.keys(v)) {
      const at = path ? `${path}.${key}` : key;
      if (key.includes('\0')) return { path: at.replace(/\0/g, '\\u0000'), reason: 'is a key with a NUL byte (\\u0000)' };
      stack.push({ v: (v as Record<string, unknown>)[key], depth: depth + 1, path: at });
    }
  }
  return null;
}

/**
 * Refuses, before any route runs, what no route can take and what would otherwise fail deep
 * inside (a stack overflow in class-transformer, a PostgreSQL error on 0x00): a NUL byte in the
 * path or the query (400 MALFORMED_REQUEST), and a JSON body nested deeper than
 * MAX_JSON_DEPTH or holding a NUL byte (400 MALFORMED_JSON, naming the field). Runs after the
 * JSON body parser.
 */
export function requestGuardMiddleware() {
  return (request: Request, _response: Response, next: NextFunction): void => {
    if (NUL_IN_URL.test(request.originalUrl)) {
      next(new DomainError('MALFORMED_REQUEST', 'the path or query contains a NUL byte (%00)'));
      return;
    }
    const body: unknown = request.body;
    if (body !== null && typeof body === 'object') {
      const problem = jsonProblem(body, MAX_JSON_DEPTH);
      if (problem) {
        const field = problem.path.length > 200 ? `${problem.path.slice(0, 200)}…` : problem.path;
        next(new DomainError('MALFORMED_JSON', `${field || 'the body'}: ${problem.reason}`, { errorCount: 1, errors: [{ field, reason: problem.reason }] }));
        return;
      }
    }
    next();
  };
}
