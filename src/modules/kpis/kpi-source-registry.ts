import { Injectable } from '@nestjs/common';
import type { KpiDefinition, KpiSource } from './kpi-source.js';

/**
 * Every KPI source known to the engine. Built-in sources (families 1–7) and sources of other
 * modules (deferred-contact response times) call `register(source)` in their `onModuleInit`;
 * the engine reads `sources()` when it recomputes and `definitions()` for the catalogue.
 * A KPI code may be registered once only.
 */
@Injectable()
export class KpiSourceRegistry {
  private readonly registered: KpiSource[] = [];
  private readonly owners = new Map<string, KpiSource>();

  register(source: KpiSource): void {
    if (this.registered.includes(source)) return;
    for (const definition of source.definitions) {
      if (this.owners.has(definition.code)) {
        throw new Error(`KPI code ${definition.code} is registered twice`);
      }
    }
    for (const definition of source.definitions) this.owners.set(definition.code, source);
    this.registered.push(source);
  }

  sources(): readonly KpiSource[] {
    return this.registered;
  }

  definitions(): KpiDefinition[] {
    return this.registered.flatMap((source) => source.definitions);
  }

  definition(code: string): KpiDefinition | undefined {
    return this.owners.get(code)?.definitions.find((d) => d.code === code);
  }

  sourceOf(code: string): KpiSource | undefined {
    return this.owners.get(code);
  }
}
