/**
 * The largest numbers the staffing kernels take. They bound every loop of a solve or an
 * evaluation (the recurrences and searches run O(√load) steps, the searches stop at
 * MAX_AGENTS) and keep every integer result an Int32; a value beyond one is refused with a
 * `RangeError` before anything is written. Each is far above what a contact center means.
 */

/** Offered load of one interval, Erlangs: volume × AHT ÷ concurrency ÷ intervalSeconds. */
export const MAX_TRAFFIC_ERLANGS = 1_000_000;

/** Agents a search tries, or an evaluation takes, at most: a goal unmet below is infeasible. */
export const MAX_AGENTS = 10_000_000;

/** Shrinkage at most: scheduled agents = agents ÷ (1 − shrinkage) stay below 2^31. */
export const MAX_SHRINKAGE = 0.99;
