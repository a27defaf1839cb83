/**
 * Shared shapes of the forecasting core. A history is one channel's interval series on its
 * local wall-clock grid: `slotsPerDay` values per local day, whole days, oldest first, so that
 * day index d and d + 7 are the same weekday. A forecast continues the grid right after the
 * history's last day.
 */

/** The interval forecasting methods (`auto` is a choice among these, made by back-test). */
export type ForecastMethod = 'seasonal-naive' | 'weekday-profile' | 'holt-winters' | 'double-seasonal';

/** Every method, in the order reports list them. */
export const FORECAST_METHODS: readonly ForecastMethod[] = ['seasonal-naive', 'weekday-profile', 'holt-winters', 'double-seasonal'];

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
  /** Number of points compared. */
  points: number;
}

/** Fewest days of history each method needs. */
export const MINIMUM_HISTORY_DAYS: Readonly<Record<ForecastMethod, number>> = {
  'seasonal-naive': 7,
  'weekday-profile': 7,
  'holt-winters': 14,
  'double-seasonal': 14,
};
