/**
 * The service-level definitions a staffing request may ask for, with "within t" meaning a
 * wait ≤ t seconds and every share counted over the contacts offered in the interval:
 *
 * - `answered-or-abandoned-within/offered` (ICMI, the default): (answered within t +
 *   abandoned within t) ÷ (answered + abandoned);
 * - `answered-within/offered`: answered within t ÷ offered;
 * - `answered-within/answered`: answered within t ÷ answered;
 * - `answered-within/offered-minus-short-abandons`: answered within t ÷ (offered − abandoned
 *   within t).
 *
 * Under Erlang C nobody abandons and all four coincide. Reference: ICMI, "Call Center
 * Management on Fast Forward" (B. Cleveland), ch. 3, service-level calculations.
 */
export const SERVICE_LEVEL_DEFINITIONS = [
  'answered-or-abandoned-within/offered',
  'answered-within/offered',
  'answered-within/answered',
  'answered-within/offered-minus-short-abandons',
] as const;

export type ServiceLevelDefinition = (typeof SERVICE_LEVEL_DEFINITIONS)[number];

export const DEFAULT_SERVICE_LEVEL_DEFINITION: ServiceLevelDefinition =
  'answered-or-abandoned-within/offered';
