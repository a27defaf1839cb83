import { ConfigError, loadConfig } from '../../platform/config/app-config.js';
import { tenantZoneOf } from '../channels/tenant-zone.js';

describe('KPI schedule configuration', () => {
  it('defaults to 02:00 every night, scheduled, top box from 0.75 of the scale', () => {
    expect(loadConfig({})).toMatchObject({ kpiRecomputeCron: '0 2 * * *', kpiScheduleEnabled: true, kpiCsatTopBoxThreshold: 0.75 });
    expect(loadConfig({ KPI_SCHEDULE_ENABLED: 'false', KPI_RECOMPUTE_CRON: '30 3 * * 1-5' })).toMatchObject({ kpiScheduleEnabled: false, kpiRecomputeCron: '30 3 * * 1-5' });
  });

  it.each([
    ['KPI_RECOMPUTE_CRON', 'every night'],
    ['KPI_RECOMPUTE_CRON', '0 25 * * *'],
    ['KPI_SCHEDULE_ENABLED', 'sometimes'],
    ['KPI_CSAT_TOP_BOX_THRESHOLD', '1.5'],
  ])('refuses %s=%s at start-up with an error naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^Invalid configuration: ${name} `));
  });
});

describe('tenantZoneOf', () => {
  it('is the zone all channels share, else UTC', () => {
    expect(tenantZoneOf([{ timeZone: 'Asia/Jerusalem' }, { timeZone: 'Asia/Jerusalem' }])).toBe('Asia/Jerusalem');
    expect(tenantZoneOf([{ timeZone: 'Asia/Jerusalem' }, { timeZone: 'Europe/Berlin' }])).toBe('UTC');
    expect(tenantZoneOf([])).toBe('UTC');
  });
});
