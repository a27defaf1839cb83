import { formatUtcIso } from '../../core/time/format-utc-iso.js';

/**
 * What an upload (or a chunk of it) covers, gathered row by row without keeping the rows: per
 * channel the first and last interval.
 */
export class IntervalSummary {
  private readonly ranges = new Map<number, { code: string; min: number; max: number }>();

  add(channelId: number, code: string, startMs: number): void {
    const r = this.ranges.get(channelId);
    if (!r) this.ranges.set(channelId, { code, min: startMs, max: startMs });
    else {
      if (startMs < r.min) r.min = startMs;
      if (startMs > r.max) r.max = startMs;
    }
  }

  /** Channel codes, sorted. */
  channelCodes(): string[] {
    return [...this.ranges.values()].map((r) => r.code).sort();
  }

  /** Per channel id, the first and last interval start (for overlap checks). */
  bounds(): { channelIds: number[]; mins: Date[]; maxs: Date[] } {
    const channelIds: number[] = [];
    const mins: Date[] = [];
    const maxs: Date[] = [];
    for (const [id, r] of this.ranges) {
      channelIds.push(id);
      mins.push(new Date(r.min));
      maxs.push(new Date(r.max));
    }
    return { channelIds, mins, maxs };
  }

  firstIntervalStart(): string | null {
    let min = Infinity;
    for (const r of this.ranges.values()) min = Math.min(min, r.min);
    return min === Infinity ? null : formatUtcIso(min);
  }

  lastIntervalStart(): string | null {
    let max = -Infinity;
    for (const r of this.ranges.values()) max = Math.max(max, r.max);
    return max === -Infinity ? null : formatUtcIso(max);
  }
}
