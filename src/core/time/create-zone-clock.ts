import { IANAZone } from 'luxon';

/** How a wall-clock time of a zone maps to instants. */
export type LocalTimeResolution =
  | { kind: 'unique'; utcMs: number; offsetMinutes: number }
  /** Skipped by a forward clock change (spring): no instant has this wall clock. */
  | { kind: 'nonexistent' }
  /** Repeated by a backward clock change (autumn): two instants, the earlier with the larger offset. */
  | { kind: 'ambiguous'; earlierUtcMs: number; laterUtcMs: number; earlierOffsetMinutes: number; laterOffsetMinutes: number };

/** UTC offsets and wall-clock resolution of one IANA time zone, memoised. */
export interface ZoneClock {
  readonly timeZone: string;
  /** UTC offset in minutes in effect at an instant. */
  offsetMinutesAt(utcMs: number): number;
  /** The instants whose wall clock in this zone is `localMs` (milliseconds as if UTC). */
  resolveLocal(localMs: number): LocalTimeResolution;
}

const SLOT_MS = 15 * 60_000;
const DAY_MS = 86_400_000;
/** Marks a UTC day with an offset change inside it: look at its 15-minute slots instead. */
const MIXED = 1e9;

type SlotResolution = { kind: 'unique'; offset: number } | { kind: 'nonexistent' } | { kind: 'ambiguous'; earlier: number; later: number };

/**
 * A clock of `timeZone`: offsets at instants and the instants of wall-clock times.
 *
 * Method: luxon's IANAZone (the platform's ICU time-zone data) gives the offset at an instant.
 * A wall-clock time L is resolved by trying the offsets in effect a day before and a day after
 * (every real zone changes its offset at most once in two days): an offset o is valid when the
 * offset at L - o is o. No valid offset: the time falls in a spring-forward gap; two: it is
 * repeated by an autumn fall-back. Offsets are memoised per UTC day when the day has one
 * offset (its first and last millisecond agree: zones change at most once a day), else per
 * 15-minute slot, and only for slots with no change inside them (all modern transitions fall
 * on quarter hours); wall-clock resolutions per 15-minute slot likewise. A year of lookups
 * costs about a thousand ICU calls, whatever their number.
 *
 * Complexity: O(1) amortised per call.
 * @throws RangeError when `timeZone` is not an IANA zone.
 * @example createZoneClock('Europe/Berlin').resolveLocal(Date.UTC(2026, 2, 29, 2, 30)) // { kind: 'nonexistent' }
 */
export function createZoneClock(timeZone: string): ZoneClock {
  const zone = IANAZone.create(timeZone);
  if (!zone.isValid) throw new RangeError(`createZoneClock requires an IANA time zone, got ${timeZone}`);
  const days = new Map<number, number>();
  const offsets = new Map<number, number>();
  const locals = new Map<number, SlotResolution>();

  const rawOffset = (utcMs: number): number => zone.offset(utcMs);

  const offsetMinutesAt = (utcMs: number): number => {
    const day = Math.floor(utcMs / DAY_MS);
    let whole = days.get(day);
    if (whole === undefined) {
      const first = rawOffset(day * DAY_MS);
      whole = first === rawOffset(day * DAY_MS + DAY_MS - 1) ? first : MIXED;
      days.set(day, whole);
    }
    if (whole !== MIXED) return whole;
    const slot = Math.floor(utcMs / SLOT_MS);
    const cached = offsets.get(slot);
    if (cached !== undefined) return cached;
    const first = rawOffset(slot * SLOT_MS);
    const last = rawOffset(slot * SLOT_MS + SLOT_MS - 1);
    if (first === last) {
      offsets.set(slot, first);
      return first;
    }
    return rawOffset(utcMs);
  };

  const resolveRaw = (localMs: number): SlotResolution => {
    const before = offsetMinutesAt(localMs - DAY_MS);
    const after = offsetMinutesAt(localMs + DAY_MS);
    const valid: number[] = [];
    for (const o of before === after ? [before] : [before, after]) {
      if (offsetMinutesAt(localMs - o * 60_000) === o) valid.push(o);
    }
    if (valid.length === 0) return { kind: 'nonexistent' };
    if (valid.length === 1) return { kind: 'unique', offset: valid[0] };
    const [a, b] = valid as [number, number];
    return { kind: 'ambiguous', earlier: Math.max(a, b), later: Math.min(a, b) };
  };

  const same = (x: SlotResolution, y: SlotResolution): boolean =>
    x.kind === y.kind &&
    (x.kind !== 'unique' || x.offset === (y as typeof x).offset) &&
    (x.kind !== 'ambiguous' || (x.earlier === (y as typeof x).earlier && x.later === (y as typeof x).later));

  const slotResolution = (localMs: number): SlotResolution => {
    const slot = Math.floor(localMs / SLOT_MS);
    const cached = locals.get(slot);
    if (cached) return cached;
    const first = resolveRaw(slot * SLOT_MS);
    const last = resolveRaw(slot * SLOT_MS + SLOT_MS - 1);
    if (same(first, last)) {
      locals.set(slot, first);
      return first;
    }
    return resolveRaw(localMs);
  };

  return {
    timeZone,
    offsetMinutesAt,
    resolveLocal(localMs: number): LocalTimeResolution {
      const r = slotResolution(localMs);
      switch (r.kind) {
        case 'unique':
          return { kind: 'unique', utcMs: localMs - r.offset * 60_000, offsetMinutes: r.offset };
        case 'nonexistent':
          return r;
        case 'ambiguous':
          return {
            kind: 'ambiguous',
            earlierUtcMs: localMs - r.earlier * 60_000,
            laterUtcMs: localMs - r.later * 60_000,
            earlierOffsetMinutes: r.earlier,
            laterOffsetMinutes: r.later,
          };
      }
    },
  };
}
