import type { ZoneClock } from '../time/create-zone-clock.js';

/** The three kinds of upload; also the `kind` of an import mapping. */
export type UploadKind = 'forecast' | 'interval-actuals' | 'contacts';
export const UPLOAD_KINDS: readonly UploadKind[] = ['forecast', 'interval-actuals', 'contacts'];

/** A canonical CSV column of an upload kind. */
export interface ColumnSpec {
  /** snake_case CSV name, e.g. `interval_start`. */
  name: string;
  required: boolean;
  /** Holds an instant (local wall clock or with an offset). */
  timestamp?: boolean;
}

/** One problem with one field of one row. */
export interface RowIssue {
  column: string;
  value: string;
  reason: string;
}

/** What a row parser needs to know about the row's channel. */
export interface ChannelGrid {
  clock: ZoneClock;
  intervalMinutes: number;
  /** The channel's service-level threshold ("answered within t seconds"). */
  thresholdSeconds: number;
}
