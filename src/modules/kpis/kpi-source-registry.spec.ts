import { KpiSourceRegistry } from './kpi-source-registry.js';
import type { KpiDefinition, KpiSource } from './kpi-source.js';

const definition = (code: string): KpiDefinition => ({
  code, name: code, family: 'resource-accessibility', formula: 'a ÷ b', unit: 'ratio', direction: 'higher-is-better', inputs: ['cases'], granularities: ['day'],
});
const source = (...codes: string[]): KpiSource => ({
  definitions: codes.map(definition),
  compute: () => Promise.resolve([]),
  kpisWithData: () => Promise.resolve(new Set<string>()),
});

describe('KpiSourceRegistry', () => {
  it('lists the definitions of every registered source and finds a code’s source', () => {
    const registry = new KpiSourceRegistry();
    const a = source('first-response-compliance-p1', 'resolution-compliance-p1');
    const b = source('service-level');
    registry.register(a);
    registry.register(b);
    registry.register(a); // the same source twice is one registration
    expect(registry.sources()).toEqual([a, b]);
    expect(registry.definitions().map((d) => d.code)).toEqual(['first-response-compliance-p1', 'resolution-compliance-p1', 'service-level']);
    expect(registry.sourceOf('service-level')).toBe(b);
    expect(registry.definition('resolution-compliance-p1')?.family).toBe('resource-accessibility');
  });

  it('refuses a KPI code registered by two sources', () => {
    const registry = new KpiSourceRegistry();
    registry.register(source('service-level'));
    expect(() => registry.register(source('aht-seconds', 'service-level'))).toThrow('KPI code service-level is registered twice');
    expect(registry.definitions().map((d) => d.code)).toEqual(['service-level']);
  });
});
