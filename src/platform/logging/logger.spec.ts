import { PassThrough } from 'node:stream';
import { QueryFailedError } from 'typeorm';
import { createLogger } from './logger.js';

/** The lines a logger writes, parsed. */
function capture(): { logger: ReturnType<typeof createLogger>; lines: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (d: Buffer) => (text += d.toString('utf8')));
  return { logger: createLogger({ logLevel: 'info', logFormat: 'json' }, stream), lines: () => text };
}

describe('logger', () => {
  it('never writes the bound parameters or quoted values of a failed query', async () => {
    const keyHash = '5d41402abc4b2a76b9719d911017c592deadbeefcafef00d0123456789abcdef';
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint "api_keys_key_hash_key"'), {
      code: '23505',
      detail: `Key (key_hash)=(${keyHash}) already exists.`,
    });
    const failed = new QueryFailedError('SELECT * FROM api_keys WHERE key_hash = $1', [keyHash], driverError);
    const { logger, lines } = capture();
    logger.error({ err: failed, requestId: 'r1' }, 'request failed');
    await new Promise((r) => setImmediate(r));
    const text = lines();
    expect(text).toContain('request failed');
    expect(text).toContain('"code":"23505"');
    expect(text).toContain('SELECT * FROM api_keys WHERE key_hash = $1');
    expect(text).toContain('"parameterCount":1');
    expect(text).toContain('Key (key_hash)=([redacted]) already exists.');
    expect(text).not.toContain(keyHash);
  });

  it('keeps the message, type and stack of an ordinary error', async () => {
    const { logger, lines } = capture();
    logger.error({ err: new RangeError('out of range') }, 'boom');
    await new Promise((r) => setImmediate(r));
    const line = JSON.parse(lines().trim()) as { err: { type: string; message: string; stack: string } };
    expect(line.err).toMatchObject({ type: 'RangeError', message: 'out of range' });
    expect(line.err.stack).toContain('RangeError: out of range');
  });
});
