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

/** Contacts of one interval at most (a request's or an uploaded forecast's volume). */
export const MAX_VOLUME_PER_INTERVAL = 100_000_000;

/** Longest AHT, patience, threshold or ASA goal, seconds: one day. */
export const MAX_DURATION_SECONDS = 86_400;

/** Shrinkage at most: scheduled agents = agents ÷ (1 − shrinkage) stay below 2^31. */
export const MAX_SHRINKAGE = 0.99;
