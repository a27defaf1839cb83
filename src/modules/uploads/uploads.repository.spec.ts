import { Writable } from 'node:stream';
import type { PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import { UploadsRepository } from './uploads.repository.js';

describe('UploadsRepository.copyInto', () => {
  it('rejects once when the COPY fails while the loop waits for drain, leaving no unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => {
      unhandled.push(reason);
    };
    process.on('unhandledRejection', onUnhandled);
    try {
      // A COPY stream that asks for a pause at once, then fails.
      const copy = new Writable({
        highWaterMark: 1,
        write(_chunk, _encoding, callback) {
          setImmediate(() => callback(new Error('COPY failed: disk full')));
        },
      });
      const client = { query: () => copy } as unknown as PoolClient;
      const repository = new UploadsRepository({} as DataSource);
      await expect(repository.copyInto(client, 'ingest_staging.t', 'line', [Buffer.alloc(10), Buffer.alloc(10)])).rejects.toThrow('COPY failed: disk full');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
