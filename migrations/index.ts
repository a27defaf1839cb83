import { Foundation1763780000000 } from './1763780000000-foundation.js';
import { Ingestion1763790000000 } from './1763790000000-ingestion.js';
import { StaffingPlans1763800000000 } from './1763800000000-staffing-plans.js';
import { Forecasting1763810000000 } from './1763810000000-forecasting.js';
import { Adherence1763820000000 } from './1763820000000-adherence.js';
import { KpiInputs1763830000000 } from './1763830000000-kpi-inputs.js';
import { KpiRollups1763840000000 } from './1763840000000-kpi-rollups.js';
import { ReportIndexes1763850000000 } from './1763850000000-report-indexes.js';
import { AdherenceSpeed1763860000000 } from './1763860000000-adherence-speed.js';
import { Jobs1763860500000 } from './1763860500000-jobs.js';
import { KpiDimensions1763870000000 } from './1763870000000-kpi-dimensions.js';
import { RequiredWithShrinkage1763880000000 } from './1763880000000-required-with-shrinkage.js';
import { KpiNightlyRuns1763890000000 } from './1763890000000-kpi-nightly-runs.js';
import { ForecastBands1763900000000 } from './1763900000000-forecast-bands.js';
import { Scheduling1763910000000 } from './1763910000000-scheduling.js';

/** Every migration, in order. A landed migration is never edited; add a new one. */
export const MIGRATIONS = [Foundation1763780000000, Ingestion1763790000000, StaffingPlans1763800000000, Forecasting1763810000000, Adherence1763820000000,
  KpiInputs1763830000000, KpiRollups1763840000000, ReportIndexes1763850000000, AdherenceSpeed1763860000000, Jobs1763860500000,
  KpiDimensions1763870000000, RequiredWithShrinkage1763880000000, KpiNightlyRuns1763890000000, ForecastBands1763900000000,
  Scheduling1763910000000];
