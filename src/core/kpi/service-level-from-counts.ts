import { serviceLevelByDefinition } from '../queueing/service-level-by-definition.js';
import type { ServiceLevelDefinition } from '../queueing/service-level-definition.js';

/**
 * Service level of counted contacts under one named definition, with the numerator and the
 * denominator it is recomputed from in a rolled-up period.
 *
 * Method (offered = answered + abandoned; "within" means a wait ≤ the channel's Y seconds):
 * `answered-or-abandoned-within/offered` (default) = (answered within Y + abandoned within Y)
 * ÷ (answered + abandoned); `answered-within/offered` = answered within Y ÷ offered;
 * `answered-within/answered` = answered within Y ÷ answered;
 * `answered-within/offered-minus-short-abandons` = answered within Y ÷ (offered − abandoned
 * within Y). Writes `out[0]` = numerator, `out[1]` = denominator and returns the value, computed
 * by `serviceLevelByDefinition` from the shares of offered (NaN when nothing was offered or the
 * denominator is 0). Inner helper: no validation.
 *
 * Units: counts of contacts; the result a fraction 0..1.
 * Reference: seed paper, family 3 "Resource accessibility", service level; ICMI definitions
 * (see `SERVICE_LEVEL_DEFINITIONS`). Complexity: O(1).
 *
 * @example
 * serviceLevelFromCounts(80, 5, 90, 10, 'answered-or-abandoned-within/offered', new Float64Array(2)); // 0.85
 */
export function serviceLevelFromCounts(
  answeredWithin: number,
  abandonedWithin: number,
  answered: number,
  abandoned: number,
  definition: ServiceLevelDefinition,
  out: Float64Array,
): number {
  const offered = answered + abandoned;
  switch (definition) {
    case 'answered-or-abandoned-within/offered':
      out[0] = answeredWithin + abandonedWithin;
      out[1] = offered;
      break;
    case 'answered-within/offered':
      out[0] = answeredWithin;
      out[1] = offered;
      break;
    case 'answered-within/answered':
      out[0] = answeredWithin;
      out[1] = answered;
      break;
    case 'answered-within/offered-minus-short-abandons':
      out[0] = answeredWithin;
      out[1] = offered - abandonedWithin;
      break;
  }
  if (!(offered > 0) || !(out[1] > 0)) return NaN;
  return serviceLevelByDefinition(answeredWithin / offered, abandonedWithin / offered, abandoned / offered, definition);
}
