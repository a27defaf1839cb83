/**
 * Per-case outcome of one objective, as the compliance kernels write it into an Int8Array:
 * no objective for the case's priority, met, breached, or not yet due (open and still within
 * its objective at the evaluation instant). Shares are met ÷ (met + breached).
 */
export const NOT_APPLICABLE = 0;
export const MET = 1;
export const BREACHED = 2;
export const PENDING = 3;
