/** A channel (queue): the unit everything is planned for, with its service goal. */
export const MEDIA = [
  'voice-inbound', 'voice-outbound', 'email', 'chat', 'sms', 'social', 'video',
  'web-self-service', 'ivr', 'back-office', 'postal',
] as const;
export type Media = (typeof MEDIA)[number];

export const INTERVAL_MINUTES = [15, 30, 60] as const;
export type IntervalMinutes = (typeof INTERVAL_MINUTES)[number];

/** ISO weekdays, Monday first: the keys of a channel's opening hours. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * A channel's open hours per ISO weekday, in its local wall-clock times `HH:MM` (end exclusive,
 * `24:00` allowed): `{ "mon": [["08:00", "12:00"], ["13:00", "18:00"]], "sun": [] }`. A weekday
 * left out or with no range is closed all day.
 */
export type OpeningHours = Partial<Record<Weekday, Array<[string, string]>>>;

export interface Channel {
  /** Internal numeric id, used as a compact key by the large tables. */
  id: number;
  code: string;
  name: string;
  media: Media;
  timeZone: string;
  intervalMinutes: IntervalMinutes;
  serviceLevelTarget: number;
  thresholdSeconds: number;
  maxAsaSeconds: number | null;
  maxAbandonRate: number | null;
  maxOccupancy: number | null;
  minOccupancy: number | null;
  responseTimeHours: number | null;
  shrinkage: number;
  patienceSeconds: number | null;
  concurrency: number;
  /** The planner's open hours; null: forecasting learns them from the recent history. */
  openingHours: OpeningHours | null;
  createdAt: Date;
  updatedAt: Date;
}

export type ChannelSettings = Omit<Channel, 'id' | 'code' | 'createdAt' | 'updatedAt'>;
