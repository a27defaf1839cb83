import { createZoneClock } from './create-zone-clock.js';
import { localDayIntervals } from './local-day-intervals.js';

describe('localDayIntervals', () => {
  const berlin = createZoneClock('Europe/Berlin');

  it('has 48 half-hours on an ordinary day, starting at local midnight', () => {
    const day = localDayIntervals(berlin, Date.UTC(2026, 2, 2), 30);
    expect(day).toHaveLength(48);
    expect(day[0]).toBe(Date.UTC(2026, 2, 1, 23, 0));
  });

  it('has 46 half-hours on 29 March 2026 and 50 on 25 October 2026 in Europe/Berlin', () => {
    expect(localDayIntervals(berlin, Date.UTC(2026, 2, 29), 30)).toHaveLength(46);
    const autumn = localDayIntervals(berlin, Date.UTC(2026, 9, 25), 30);
    expect(autumn).toHaveLength(50);
    // Consecutive starts are exactly 30 minutes apart in UTC all day long.
    for (let i = 1; i < autumn.length; i++) expect(autumn[i] - autumn[i - 1]).toBe(1_800_000);
  });

  it('has 23 and 25 hours with 60-minute intervals, 92 and 100 quarter-hours', () => {
    expect(localDayIntervals(berlin, Date.UTC(2026, 2, 29), 60)).toHaveLength(23);
    expect(localDayIntervals(berlin, Date.UTC(2026, 9, 25), 60)).toHaveLength(25);
    expect(localDayIntervals(berlin, Date.UTC(2026, 2, 29), 15)).toHaveLength(92);
    expect(localDayIntervals(berlin, Date.UTC(2026, 9, 25), 15)).toHaveLength(100);
  });

  it('refuses an interval that does not divide the day', () => {
    expect(() => localDayIntervals(berlin, Date.UTC(2026, 0, 1), 7)).toThrow(RangeError);
  });
});
