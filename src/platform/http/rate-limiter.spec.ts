import { RateLimiter } from './rate-limiter.js';

describe('RateLimiter', () => {
  it('lets a key spend its minute at once, then one token every 60/perMinute seconds', () => {
    let now = 0;
    const limiter = new RateLimiter(6, () => now); // one token every 10 s
    for (let i = 0; i < 6; i++) expect(limiter.take('k')).toBe(0);
    expect(limiter.take('k')).toBe(10);
    now += 4_000;
    expect(limiter.take('k')).toBe(6);
    now += 6_000;
    expect(limiter.take('k')).toBe(0);
    expect(limiter.take('other')).toBe(0);
  });

  it('counts failures that happened anyway, and tells the wait without spending', () => {
    let now = 0;
    const limiter = new RateLimiter(2, () => now); // one token every 30 s
    limiter.spend('ip');
    expect(limiter.waitSeconds('ip')).toBe(0);
    limiter.spend('ip');
    expect(limiter.waitSeconds('ip')).toBe(30);
    expect(limiter.waitSeconds('ip')).toBe(30);
    now += 30_000;
    expect(limiter.waitSeconds('ip')).toBe(0);
  });
});
