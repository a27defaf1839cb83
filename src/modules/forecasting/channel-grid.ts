import { civilFromDays } from '../../core/time/civil-from-days.js';
import { createZoneClock, type ZoneClock } from '../../core/time/create-zone-clock.js';
import { daysFromCivil } from '../../core/time/days-from-civil.js';
import { localDayIntervals } from '../../core/time/local-day-intervals.js';
import { WEEKDAYS, type Channel } from '../channels/channel.js';
import type { HistoryRow } from './forecasting.repository.js';

const DAY_MS = 86_400_000;

/**
 * A channel's local wall-clock grid: whole local days of `slotsPerDay` intervals, as the
 * forecasting core wants them. A spring-forward day has empty slots (nothing happens in the
 * skipped hour); on a fall-back day the repeated hour's two intervals share one slot (added on
 * the way in, halved on the way out).
 */
export class ChannelGrid {
  readonly clock: ZoneClock;
  readonly slotsPerDay: number;
  private readonly stepMs: number;

  constructor(readonly channel: Channel) {
    this.clock = createZoneClock(channel.timeZone);
    this.slotsPerDay = 1440 / channel.intervalMinutes;
    this.stepMs = channel.intervalMinutes * 60_000;
  }

  /** Local day number (days since 1970-01-01) of a date `YYYY-MM-DD`. */
  static dayOf(date: string): number {
    const [y, m, d] = date.split('-').map(Number);
    return daysFromCivil(y, m, d);
  }

  static dateOf(day: number): string {
    const c = civilFromDays(day);
    return `${String(c.year).padStart(4, '0')}-${String(c.month).padStart(2, '0')}-${String(c.day).padStart(2, '0')}`;
  }

  static monthOf(day: number): string {
    return ChannelGrid.dateOf(day).slice(0, 7);
  }

  /** The first instant of a local day. */
  startOf(day: number): Date {
    return new Date(localDayIntervals(this.clock, day * DAY_MS, this.channel.intervalMinutes)[0]);
  }

  /** The local day number of an instant. */
  dayAt(utcMs: number): number {
    return Math.floor((utcMs + this.clock.offsetMinutesAt(utcMs) * 60_000) / DAY_MS);
  }

  /**
   * Columns of volume (offered), handled (answered) and handle seconds for days [startDay,
   * startDay + days). Missing is not zero: an interval with no row has volume NaN (the core tells
   * closed hours from missing intervals), except the hour a spring-forward day skips (0: it does
   * not exist). Handled and handle seconds stay 0 there (sums of the AHT profile).
   */
  columns(rows: readonly HistoryRow[], startDay: number, days: number): { volume: Float64Array; handled: Float64Array; handleSeconds: Float64Array } {
    const n = days * this.slotsPerDay;
    const volume = new Float64Array(n).fill(NaN);
    const handled = new Float64Array(n);
    const handleSeconds = new Float64Array(n);
    for (const r of rows) {
      const local = r.t + this.clock.offsetMinutesAt(r.t) * 60_000;
      const i = Math.floor(local / this.stepMs) - startDay * this.slotsPerDay;
      if (i < 0 || i >= n) continue;
      volume[i] = (Number.isNaN(volume[i]) ? 0 : volume[i]) + r.offered;
      handled[i] += r.answered;
      handleSeconds[i] += r.handleSeconds;
    }
    for (let d = 0; d < days; d++) {
      const start = this.startOf(startDay + d).getTime();
      const end = this.startOf(startDay + d + 1).getTime();
      if (end - start >= DAY_MS) continue;
      for (let j = 0; j < this.slotsPerDay; j++) {
        const i = d * this.slotsPerDay + j;
        if (Number.isNaN(volume[i]) && this.instantsOf(startDay + d, j).length === 0) volume[i] = 0;
      }
    }
    return { volume, handled, handleSeconds };
  }

  /**
   * The channel's opening hours as the core's open flags (7·slotsPerDay, weekday 0 = local day
   * `startDay`): a slot is open when it overlaps a range of its ISO weekday. Null when the
   * channel has none (forecasting learns them).
   */
  openMask(startDay: number): Uint8Array | null {
    const hours = this.channel.openingHours;
    if (!hours) return null;
    const s = this.slotsPerDay;
    const m = this.channel.intervalMinutes;
    const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
    const open = new Uint8Array(7 * s);
    for (let w = 0; w < 7; w++) {
      // day 0 (1970-01-01) was a Thursday: ISO index (Monday 0) = (day + 3) mod 7
      const iso = WEEKDAYS[(((startDay + w + 3) % 7) + 7) % 7];
      for (const [from, to] of hours[iso] ?? []) {
        const a = minutes(from);
        const b = minutes(to);
        for (let j = 0; j < s; j++) if (j * m < b && (j + 1) * m > a) open[w * s + j] = 1;
      }
    }
    return open;
  }

  /** The instants of local slot `slot` of local day `day`: none (skipped), one, or two (repeated). */
  instantsOf(day: number, slot: number): number[] {
    const r = this.clock.resolveLocal(day * DAY_MS + slot * this.stepMs);
    switch (r.kind) {
      case 'unique':
        return [r.utcMs];
      case 'ambiguous':
        return [r.earlierUtcMs, r.laterUtcMs];
      case 'nonexistent':
        return [];
    }
  }
}
