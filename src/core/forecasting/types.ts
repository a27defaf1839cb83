/**
 * Shared shapes of the forecasting core. A history is one channel's interval series on its
 * local wall-clock grid: `slotsPerDay` values per local day, whole days, oldest first, so that
 * day index d and d + 7 are the same weekday. A forecast continues the grid right after the
 * history's last day.
 */

/**
 * The single interval forecasting methods: each fits one model to the history. A history may
 * hold NaN: a missing interval (inside the open hours, no row), never a zero.
 */
export type SingleMethod = 'seasonal-naive' | 'weekday-mean' | 'weekday-profile' | 'holt-winters' | 'double-seasonal' | 'daily-regression';

/** Every single method, in the order reports list them. */
export const SINGLE_METHODS: readonly SingleMethod[] = ['seasonal-naive', 'weekday-mean', 'weekday-profile', 'holt-winters', 'double-seasonal', 'daily-regression'];

/**
 * The interval forecasting methods: the single ones and `combination` (the mean of the
 * model-based single methods that a back-test on the last weeks of the history can score).
 * `auto` is a choice among these, made by that back-test.
 */
export type ForecastMethod = SingleMethod | 'combination';

/** Every method, in the order reports list them. */
export const FORECAST_METHODS: readonly ForecastMethod[] = [...SINGLE_METHODS, 'combination'];

/** A method, or `auto`: the method (or combination) with the lowest back-test interval WAPE. */
export type ForecastChoice = ForecastMethod | 'auto';

/** Accuracy of a forecast against actuals (fractions, not percentages). */
export interface AccuracyMeasures {
  /** Σ|F − A| ÷ ΣA; NaN when ΣA = 0. */
  wape: number;
  /** Mean of |F − A| ÷ A over points with A > 0; NaN when there is none. */
  mape: number;
  /** (ΣF − ΣA) ÷ ΣA, which is also the seed's forecast accuracy (F − A) ÷ A of the total. */
  bias: number;
  /** Share of points with A > 0 whose seed variance (F − A) ÷ A lies within ±5%. */
  withinFivePercent: number;
  sumForecast: number;
  sumActual: number;
  /** Number of points compared (pairs where forecast and actual are both numbers: missing actuals are left out). */
  points: number;
}

/** Fewest days of history each method needs. */
export const MINIMUM_HISTORY_DAYS: Readonly<Record<ForecastChoice, number>> = {
  'seasonal-naive': 7,
  'weekday-mean': 7,
  'weekday-profile': 7,
  'holt-winters': 14,
  'double-seasonal': 14,
  'daily-regression': 14,
  combination: 14,
  auto: 7,
};
