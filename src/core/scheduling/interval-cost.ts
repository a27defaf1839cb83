/**
 * Cost of `onPhone` agents in one interval against `required`: the under penalty per missing
 * agent, the over penalty per agent beyond it; 0 where the requirement is unknown (NaN).
 *
 * Formula: under·(required − onPhone) if onPhone < required, else over·(onPhone − required).
 * Units: the penalties per agent and interval (a penalty per agent-hour × interval hours).
 * Reference: the design objective of `designShifts`. Complexity O(1).
 *
 * @example
 * intervalCost(3, 5, 2, 0.05) // 4
 */
export function intervalCost(onPhone: number, required: number, under: number, over: number): number {
  if (Number.isNaN(required)) return 0;
  return onPhone < required ? under * (required - onPhone) : over * (onPhone - required);
}
