import { PageCache } from './page-cache.js';

describe('PageCache', () => {
  it('answers what was stored, and drops the least recently used page past its byte bound', () => {
    const cache = new PageCache(40); // 20 characters (UTF-16: 2 bytes each)
    cache.set('a', '0123456789'); // 20 bytes
    cache.set('b', '0123456789'); // 40 bytes: full
    expect(cache.get('a')).toBe('0123456789'); // a is now the most recent
    cache.set('c', '01234'); // 50 bytes: b (least recent) goes
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual(['0123456789', undefined, '01234']);
  });

  it('never keeps a page larger than its whole bound, and replaces a page under the same key', () => {
    const cache = new PageCache(10);
    cache.set('big', '0123456789');
    expect(cache.get('big')).toBeUndefined();
    cache.set('k', 'ab');
    cache.set('k', 'cd');
    expect(cache.get('k')).toBe('cd');
  });
});
