/**
 * A token bucket per key: `perMinute` tokens a minute, refilled continuously, at most
 * `perMinute` held (so a quiet key may spend a minute's worth at once). In memory, per process:
 * with several instances each one counts its own.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly perMs: number;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    this.perMs = perMinute / 60_000;
  }

  /** Seconds until `key` has a token again; 0 when it has one now. Spends nothing. */
  waitSeconds(key: string): number {
    const tokens = this.refill(key);
    return tokens >= 1 ? 0 : Math.max(1, Math.ceil((1 - tokens) / this.perMs / 1000));
  }

  /** Spends a token of `key` if it has one: 0, else the seconds to wait (nothing spent). */
  take(key: string): number {
    const wait = this.waitSeconds(key);
    if (wait > 0) return wait;
    const bucket = this.buckets.get(key);
    if (bucket) bucket.tokens -= 1;
    return 0;
  }

  /** Spends a token of `key` whether or not it has one (a failure that happened anyway). */
  spend(key: string): void {
    this.refill(key);
    const bucket = this.buckets.get(key);
    if (bucket) bucket.tokens = Math.max(bucket.tokens - 1, -1);
  }

  private refill(key: string): number {
    const now = this.now();
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= 10_000) this.prune(now);
      bucket = { tokens: this.perMinute, at: now };
      this.buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
    return bucket.tokens;
  }

  /** Forgets keys whose bucket has refilled (they are as good as new). */
  private prune(now: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + (now - b.at) * this.perMs >= this.perMinute) this.buckets.delete(key);
    }
  }
}
