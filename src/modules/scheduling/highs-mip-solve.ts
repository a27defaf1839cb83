import highsModule, { type Highs, type InitOptions } from 'highs';
import type { MipResult, MipSolve, MipStatus } from '../../core/scheduling/mip-types.js';

let loading: Promise<Highs> | null = null;

/**
 * The loader function. The package types describe a CommonJS module while Node's ESM import
 * resolves its `highs.mjs`, whose default export is the loader itself: take whichever is the
 * function.
 */
const highsLoader = ((highsModule as unknown as { default?: unknown }).default ?? highsModule) as (
  options?: InitOptions,
) => Promise<Highs>;

/**
 * Loads the HiGHS WebAssembly runtime once per thread (each worker has its own), with its
 * console output switched off: progress comes through the MIP checkpoint callback instead.
 */
export function loadHighs(): Promise<Highs> {
  const promise = loading ?? highsLoader({ print: () => undefined, printErr: () => undefined });
  loading = promise;
  return promise;
}

/** Progress of a running MIP: seconds, incumbent objective, proven bound, gap. */
export interface MipProgress {
  seconds: number;
  objective: number;
  bound: number;
  gap: number;
}

function infoNumber(model: { info: { get(name: string): number | bigint } }, name: string): number {
  try {
    return Number(model.info.get(name));
  } catch {
    return NaN;
  }
}

/**
 * The core's MipSolve on a loaded HiGHS: parses the LP text into a persistent model, sets the
 * time limit and relative gap (output off), applies a start when given (a dense vector in
 * column order; columns the start does not name are 0), runs, and reads status, objective, the
 * proven dual bound (`mip_dual_bound` of HiGHS's info; for a program without integer columns
 * solved to optimality, the objective itself), the gap, the column values by name and the
 * dimensions. `onProgress` receives HiGHS's MIP checkpoints (running time, incumbent, bound,
 * gap) at most every 0.25 s of solver time.
 */
export function highsMipSolve(
  highs: Highs,
  onProgress?: (progress: MipProgress) => void,
): MipSolve {
  return (lp, limits, start) => {
    const began = performance.now();
    const model = highs.createModel({ format: 'lp', data: lp });
    try {
      model.options.set({
        output_flag: false,
        time_limit: Math.max(0.01, limits.timeLimitSeconds),
        mip_rel_gap: limits.mipRelativeGap,
      });
      const { numCols, numRows } = model.getDimensions();
      const names: string[] = new Array<string>(numCols);
      for (let j = 0; j < numCols; j++) names[j] = model.getColName(j);
      if (start) {
        const colValue = new Float64Array(numCols);
        for (let j = 0; j < numCols; j++) colValue[j] = start.get(names[j]) ?? 0;
        model.setSolution({ colValue });
      }
      // The MIP interrupt checkpoint (never interrupted here) fires with the output off; the
      // MIP logging channel only fires with output_flag on. Reported at most every 0.25 s.
      let reportedAt = -Infinity;
      const callbacks = onProgress
        ? {
            [highs.constants.callbackType.mipInterrupt]: (event: {
              data: {
                running_time?: number;
                mip_primal_bound?: number;
                mip_dual_bound?: number;
                mip_gap?: number;
              };
            }) => {
              const seconds = event.data.running_time ?? NaN;
              if (!(seconds >= reportedAt + 0.25)) return undefined;
              reportedAt = seconds;
              onProgress({
                seconds,
                objective: event.data.mip_primal_bound ?? NaN,
                bound: event.data.mip_dual_bound ?? NaN,
                gap: event.data.mip_gap ?? NaN,
              });
              return undefined;
            },
          }
        : undefined;
      const run = model.run(callbacks);
      const code = run.modelStatus;
      const s = highs.constants.modelStatus;
      const hasSolution = infoNumber(model, 'primal_solution_status') === 2;
      const objective = hasSolution ? model.getObjectiveValue() : NaN;
      const integerProgram = /\nGeneral\n/.test(lp);
      let bound = integerProgram
        ? infoNumber(model, 'mip_dual_bound')
        : code === s.optimal
          ? objective
          : NaN;
      if (!Number.isFinite(bound)) bound = -Infinity;
      let gap = integerProgram ? infoNumber(model, 'mip_gap') : code === s.optimal ? 0 : NaN;
      if (hasSolution && Number.isFinite(bound))
        gap = objective === bound ? 0 : Math.max(0, (objective - bound) / Math.abs(objective));
      let status: MipStatus;
      if (code === s.optimal) status = gap > 1e-9 ? 'gap-reached' : 'optimal';
      else if (code === s.timeLimit || code === s.interrupted) status = 'time-limit';
      else if (code === s.infeasible || code === s.unboundedOrInfeasible) status = 'infeasible';
      else status = 'error';
      const values = new Map<string, number>();
      if (hasSolution) {
        const colValue = model.getSolution().colValue;
        for (let j = 0; j < numCols; j++) values.set(names[j], colValue[j]);
      }
      const result: MipResult = {
        status,
        hasSolution,
        objective,
        bound,
        gap,
        solveSeconds: (performance.now() - began) / 1000,
        variables: numCols,
        constraints: numRows,
        values,
      };
      return result;
    } finally {
      model.dispose();
    }
  };
}
