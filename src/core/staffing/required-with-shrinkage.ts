/** Relative slack so that decimal shrinkages like 0.3 do not add an agent through rounding. */
const RELATIVE_SLACK = 1e-12;

/**
 * Required agents grossed up for shrinkage: the agents to have on the payroll for the
 * interval so that, after shrinkage, `agents` remain to answer contacts.
 *
 * Method: the smallest integer m with m·(1 − shrinkage) ≥ agents, i.e.
 * ceil(agents / (1 − shrinkage)), computed with a 1e-12 relative slack (14 / (1 − 0.3) is
 * 20.000000000000004 in binary floating point but 20 agents do cover it). Inner helper: no
 * validation (agents ≥ 0, 0 ≤ shrinkage < 1).
 *
 * Units: agents (integer), shrinkage a fraction. Reference: ICMI, shrinkage in staffing
 * plans. Complexity: O(1).
 *
 * @example
 * requiredWithShrinkage(14, 0.3); // 20
 */
export function requiredWithShrinkage(agents: number, shrinkage: number): number {
  const available = 1 - shrinkage;
  const scheduled = Math.ceil(agents / available);
  return scheduled > 0 && (scheduled - 1) * available >= agents * (1 - RELATIVE_SLACK)
    ? scheduled - 1
    : scheduled;
}
