/** A channel (queue): the unit everything is planned for, with its service goal. */
export const MEDIA = [
  'voice-inbound', 'voice-outbound', 'email', 'chat', 'sms', 'social', 'video',
  'web-self-service', 'ivr', 'back-office', 'postal',
] as const;
export type Media = (typeof MEDIA)[number];

export const INTERVAL_MINUTES = [15, 30, 60] as const;
export type IntervalMinutes = (typeof INTERVAL_MINUTES)[number];

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
  createdAt: Date;
  updatedAt: Date;
}

export type ChannelSettings = Omit<Channel, 'id' | 'code' | 'createdAt' | 'updatedAt'>;
