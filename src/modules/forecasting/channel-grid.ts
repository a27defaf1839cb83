import { civilFromDays } from '../../core/time/civil-from-days.js';
import { createZoneClock, type ZoneClock } from '../../core/time/create-zone-clock.js';
import { daysFromCivil } from '../../core/time/days-from-civil.js';
import { localDayIntervals } from '../../core/time/local-day-intervals.js';
import type { Channel } from '../channels/channel.js';
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

  /** Columns of volume (offered), handled (answered) and handle seconds for days [startDay, startDay + days). */
  columns(rows: readonly HistoryRow[], startDay: number, days: number): { volume: Float64Array; handled: Float64Array; handleSeconds: Float64Array } {
    const n = days * this.slotsPerDay;
    const volume = new Float64Array(n);
    const handled = new Float64Array(n);
    const handleSeconds = new Float64Array(n);
    for (const r of rows) {
      const local = r.t + this.clock.offsetMinutesAt(r.t) * 60_000;
      const i = Math.floor(local / this.stepMs) - startDay * this.slotsPerDay;
      if (i < 0 || i >= n) continue;
      volume[i] += r.offered;
      handled[i] += r.answered;
      handleSeconds[i] += r.handleSeconds;
    }
    return { volume, handled, handleSeconds };
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
