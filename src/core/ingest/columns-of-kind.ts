import { CONTACT_COLUMNS } from './parse-contact-record.js';
import { FORECAST_COLUMNS } from './parse-forecast-record.js';
import { INTERVAL_ACTUAL_COLUMNS } from './parse-interval-actual-record.js';
import type { ColumnSpec, UploadKind } from './types.js';

/**
 * The canonical CSV columns of an upload kind (channel first).
 * @example columnsOfKind('forecast').map((c) => c.name) // ['channel', 'interval_start', 'volume', 'aht_seconds', 'shrinkage']
 */
export function columnsOfKind(kind: UploadKind): readonly ColumnSpec[] {
  switch (kind) {
    case 'forecast':
      return FORECAST_COLUMNS;
    case 'interval-actuals':
      return INTERVAL_ACTUAL_COLUMNS;
    case 'contacts':
      return CONTACT_COLUMNS;
  }
}
