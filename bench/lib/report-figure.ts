/** One benchmark figure, printed as one JSON line. */
export interface BenchFigure {
  name: string;
  intervals: number;
  seconds: number;
  intervalsPerSecond: number;
  target: number;
  met: boolean;
}

/** Timed passes after the warm-up; the figure is their median (robust to a busy machine). */
const TIMED_PASSES = 5;

/**
 * Times `run` — one untimed warm-up pass, then five timed passes, reporting the median — and
 * prints exactly one JSON line to stdout.
 *
 * @example
 * reportFigure('erlang-c-year', 700800, 3_000_000, () => solve()); // {"name":"erlang-c-year",…}
 */
export function reportFigure(
  name: string,
  intervals: number,
  target: number,
  run: () => void,
): BenchFigure {
  run();
  const times: number[] = [];
  for (let pass = 0; pass < TIMED_PASSES; pass++) {
    const start = performance.now();
    run();
    times.push((performance.now() - start) / 1000);
  }
  times.sort((x, y) => x - y);
  const seconds = times[Math.floor(TIMED_PASSES / 2)];
  const intervalsPerSecond = Math.round(intervals / seconds);
  const figure: BenchFigure = {
    name,
    intervals,
    seconds: Math.round(seconds * 1000) / 1000,
    intervalsPerSecond,
    target,
    met: intervalsPerSecond >= target,
  };
  process.stdout.write(`${JSON.stringify(figure)}\n`);
  return figure;
}
