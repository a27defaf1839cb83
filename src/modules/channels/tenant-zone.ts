import type { Channel } from './channel.js';

/**
 * The time zone of a tenant, in which its all-channels KPI rows are cut and its nightly
 * recompute runs: the zone of its channels when they all share one, else UTC (tenants have no
 * zone of their own).
 */
export function tenantZoneOf(channels: readonly Pick<Channel, 'timeZone'>[]): string {
  const zones = new Set(channels.map((c) => c.timeZone));
  return zones.size === 1 ? [...zones][0] : 'UTC';
}
