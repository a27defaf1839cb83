/**
 * The contract between the scheduling core and a mixed-integer solver. The core writes each
 * stage's program as CPLEX LP text and reads the answer back by column name; the solve itself
 * is injected (src/modules/scheduling wraps HiGHS), so the core imports no solver.
 */

/** Limits of one solve call. */
export interface MipLimits {
  timeLimitSeconds: number;
  /** Relative gap (objective − bound) ÷ |objective| at which the solver may stop. */
  mipRelativeGap: number;
}

/** How a solve call ended. */
export type MipStatus = 'optimal' | 'gap-reached' | 'time-limit' | 'infeasible' | 'error';

/** What a solve call answers. Every figure comes from the solver, none is estimated. */
export interface MipResult {
  status: MipStatus;
  /** Whether `values` holds a feasible solution (also after a time limit). */
  hasSolution: boolean;
  /** The objective of the solution (NaN without one). */
  objective: number;
  /** The solver's best proven lower bound of the objective (minimisation; −∞ when none). */
  bound: number;
  /** (objective − bound) ÷ |objective| as the solver reports it. */
  gap: number;
  solveSeconds: number;
  variables: number;
  constraints: number;
  /** The solution's column values by column name (empty without a solution). */
  values: ReadonlyMap<string, number>;
}

/**
 * Solves a program given as CPLEX LP text (minimisation) within `limits`; `start` is an optional
 * complete feasible solution by column name to start from.
 */
export type MipSolve = (
  lp: string,
  limits: MipLimits,
  start?: ReadonlyMap<string, number>,
) => MipResult;
