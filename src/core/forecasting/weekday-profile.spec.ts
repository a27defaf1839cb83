import { weekdayProfile } from './weekday-profile.js';

describe('weekdayProfile', () => {
  it('weights recent same weekdays by 0.85^k, in the totals and in the intraday shares', () => {
    const h = new Float64Array(14 * 2).fill(1);
    h.set([2, 8], 0); // weekday 0, older week: total 10
    h.set([5, 15], 14); // weekday 0, last week: total 20
    const out = new Float64Array(2 * 8);
    weekdayProfile(h, 2, 8, out);
    const total = (20 + 0.85 * 10) / 1.85;
    // day 0 of the forecast is weekday 14 mod 7 = 0; shares weighted alike:
    // (5 + 0.85·2) / (20 + 0.85·10) = 6.7 / 28.5 and (15 + 0.85·8) / 28.5 = 21.8 / 28.5
    expect(out[0]).toBeCloseTo((total * 6.7) / 28.5, 12);
    expect(out[1]).toBeCloseTo((total * 21.8) / 28.5, 12);
    expect(out[2]).toBe(1);
    expect(out[14]).toBeCloseTo((total * 6.7) / 28.5, 12); // day 7 is weekday 0 again
  });
  it('averages at most `weeks` same weekdays', () => {
    const h = new Float64Array(21).fill(3);
    h.fill(30, 0, 7); // the oldest week is far larger
    const out = new Float64Array(7);
    weekdayProfile(h, 1, 7, out, 2);
    for (const v of out) expect(v).toBeCloseTo(3, 12);
  });
});
