/**
 * A closed-loop HTTP load generator (what autocannon does, in a few lines): `connections`
 * keep-alive connections each send the request again as soon as the answer has been read, for
 * `seconds`; prints one JSON line: requests, req/s, latency p50/p99 (ms), errors (non-2xx or
 * failed), bytes. Runs in its own process so that the app under test has its event loop alone.
 *
 *   node dist/bench/lib/load-client.js '{"url":"…","method":"GET","headers":{},"body":null,"connections":10,"seconds":20}'
 */
import { Agent, request } from 'node:http';

interface LoadSpec {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | null;
  connections: number;
  seconds: number;
}

const spec = JSON.parse(process.argv[2] ?? '{}') as LoadSpec;
const agent = new Agent({ keepAlive: true, maxSockets: spec.connections });
const url = new URL(spec.url);
const body = spec.body === null ? null : Buffer.from(spec.body);
const headers = { ...spec.headers, ...(body ? { 'content-length': String(body.length) } : {}) };
const latencies: number[] = [];
let errors = 0;
let bytes = 0;
const end = performance.now() + spec.seconds * 1000;

function once(): Promise<void> {
  return new Promise((resolve) => {
    const started = performance.now();
    const req = request({ host: url.hostname, port: url.port, path: url.pathname + url.search, method: spec.method, headers, agent }, (res) => {
      res.on('data', (d: Buffer) => (bytes += d.length));
      res.on('end', () => {
        latencies.push(performance.now() - started);
        if (!res.statusCode || res.statusCode >= 300) errors++;
        resolve();
      });
    });
    req.on('error', () => {
      errors++;
      resolve();
    });
    req.end(body ?? undefined);
  });
}

async function connection(): Promise<void> {
  while (performance.now() < end) await once();
}

const t0 = performance.now();
await Promise.all(Array.from({ length: spec.connections }, () => connection()));
const seconds = (performance.now() - t0) / 1000;
latencies.sort((a, b) => a - b);
const q = (p: number): number => Math.round((latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0) * 100) / 100;
process.stdout.write(JSON.stringify({ requests: latencies.length, seconds: Math.round(seconds * 100) / 100, requestsPerSecond: Math.round((latencies.length / seconds) * 10) / 10, p50Ms: q(0.5), p99Ms: q(0.99), errors, bytes }) + '\n');
agent.destroy();
