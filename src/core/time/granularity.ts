/** The periods a report can be cut into: the interval itself, or the local day, ISO week (Monday) or month of the channel. */
export const GRANULARITIES = ['interval', 'day', 'week', 'month'] as const;
export type Granularity = (typeof GRANULARITIES)[number];
