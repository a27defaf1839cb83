import { ahtProfile } from './aht-profile.js';

describe('ahtProfile', () => {
  it('is volume-weighted per weekday and interval, with fallbacks for empty intervals', () => {
    const handled = new Float64Array(14 * 2);
    const seconds = new Float64Array(14 * 2);
    // weekday 0 slot 0: 1 contact of 100 s, then 3 contacts of 900 s in all → (100 + 900) / 4 = 250
    handled[0] = 1; seconds[0] = 100;
    handled[14] = 3; seconds[14] = 900;
    // weekday 1 slot 1: 2 contacts 400 s
    handled[3] = 2; seconds[3] = 400;
    const out = new Float64Array(14);
    ahtProfile(handled, seconds, 2, 6, 180, out);
    expect(out[0]).toBe(250);
    expect(out[3]).toBe(200);
    expect(out[2]).toBe(250); // weekday 1 slot 0: slot 0 over all weekdays
    expect(out[1]).toBe(200); // weekday 0 slot 1: slot 1 over all weekdays
    ahtProfile(new Float64Array(28), new Float64Array(28), 2, 6, 180, out);
    expect(Array.from(new Set(out))).toEqual([180]);
  });
});
