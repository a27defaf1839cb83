/**
 * Layout of the small per-interval result block the staffing kernels share (one Float64Array
 * per batch, reused for every interval: no allocation per interval), and the goal bits of
 * the "which goals fail" masks.
 */
export const SLOT_AGENTS = 0;
export const SLOT_BINDING = 1;
export const SLOT_FRACTIONAL = 2;
export const SLOT_WAIT = 3;
export const SLOT_SERVICE_LEVEL = 4;
export const SLOT_ASA = 5;
export const SLOT_OCCUPANCY = 6;
export const SLOT_ABANDON = 7;
export const SLOT_BLOCKING = 8;
export const RESULT_SLOTS = 9;

export const GOAL_SERVICE_LEVEL = 1;
export const GOAL_ASA = 2;
export const GOAL_ABANDON_RATE = 4;
export const GOAL_OCCUPANCY = 8;
export const GOAL_BLOCKING = 16;
export const GOAL_STABILITY = 32;
