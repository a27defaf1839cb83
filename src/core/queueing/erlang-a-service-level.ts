import { erlangA } from './erlang-a.js';
import type { ErlangAParameters } from './erlang-a.js';
import { serviceLevelByDefinition } from './service-level-by-definition.js';
import {
  DEFAULT_SERVICE_LEVEL_DEFINITION,
  SERVICE_LEVEL_DEFINITIONS,
} from './service-level-definition.js';
import type { ServiceLevelDefinition } from './service-level-definition.js';

/**
 * Erlang A service level at `thresholdSeconds` under a named definition.
 *
 * Method: the exact answered-within-t and abandoned-within-t shares of `erlangA`, combined by
 * `serviceLevelByDefinition` (default ICMI: (answered within t + abandoned within t) ÷
 * (answered + abandoned)). NaN when the definition's denominator is 0.
 *
 * Units: as `erlangA`; the result is a fraction 0..1.
 * Reference: Mandelbaum & Zeltyn 2005; ICMI service-level definitions. Complexity: O(√a + √x).
 *
 * @example
 * erlangAServiceLevel({ agents: 14, trafficErlangs: 10, ahtSeconds: 180, patienceSeconds: 300,
 *   thresholdSeconds: 20 }, 'answered-within/offered'); // 0.9167920918635
 */
export function erlangAServiceLevel(
  parameters: ErlangAParameters & { thresholdSeconds: number },
  definition: ServiceLevelDefinition = DEFAULT_SERVICE_LEVEL_DEFINITION,
): number {
  if (!SERVICE_LEVEL_DEFINITIONS.includes(definition)) {
    throw new RangeError('erlangAServiceLevel requires a known service-level definition');
  }
  if (parameters.thresholdSeconds === undefined) {
    throw new RangeError('erlangAServiceLevel requires thresholdSeconds');
  }
  const measures = erlangA(parameters);
  return serviceLevelByDefinition(
    measures.answeredWithinThreshold,
    measures.abandonedWithinThreshold,
    measures.abandonRate,
    definition,
  );
}
