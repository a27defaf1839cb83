/**
 * SQL expression of the start of the report period holding `column` (a timestamptz): the
 * interval itself, or the local day, ISO week (Monday) or month of the channel, cut in its
 * time zone. `granularity` and `timeZone` are the placeholders of those parameters ($6, $7…).
 * Shared by the forecast-accuracy and interval-comparison reports.
 */
export function periodStartSql(column: string, granularity: string, timeZone: string): string {
  return `CASE WHEN ${granularity} = 'interval' THEN ${column} ELSE (date_trunc(${granularity}, ${column} AT TIME ZONE ${timeZone}) AT TIME ZONE ${timeZone}) END`;
}
