import { clampProbability } from '../numeric/clamp-probability.js';
import type { ServiceLevelDefinition } from './service-level-definition.js';

/**
 * Service level under one of the named definitions, from shares of the offered contacts.
 *
 * Method (every argument a fraction of offered contacts; answered = 1 − abandoned):
 * `answered-or-abandoned-within/offered` = answeredWithin + abandonedWithin;
 * `answered-within/offered` = answeredWithin;
 * `answered-within/answered` = answeredWithin ÷ (1 − abandoned);
 * `answered-within/offered-minus-short-abandons` = answeredWithin ÷ (1 − abandonedWithin).
 * NaN when the denominator is 0 (nothing answered). Inner helper: no validation.
 *
 * Units: fractions 0..1. Reference: ICMI (see `SERVICE_LEVEL_DEFINITIONS`). Complexity: O(1).
 *
 * @example
 * serviceLevelByDefinition(0.9167921, 0.0071639, 0.0139837, 'answered-within/offered'); // 0.9167921
 */
export function serviceLevelByDefinition(
  answeredWithin: number,
  abandonedWithin: number,
  abandoned: number,
  definition: ServiceLevelDefinition,
): number {
  switch (definition) {
    case 'answered-or-abandoned-within/offered':
      return clampProbability(answeredWithin + abandonedWithin);
    case 'answered-within/offered':
      return clampProbability(answeredWithin);
    case 'answered-within/answered':
      return abandoned < 1 ? clampProbability(answeredWithin / (1 - abandoned)) : NaN;
    case 'answered-within/offered-minus-short-abandons':
      return abandonedWithin < 1 ? clampProbability(answeredWithin / (1 - abandonedWithin)) : NaN;
  }
}
