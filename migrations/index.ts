import { Foundation1763780000000 } from './1763780000000-foundation.js';
import { Ingestion1763790000000 } from './1763790000000-ingestion.js';
import { StaffingPlans1763800000000 } from './1763800000000-staffing-plans.js';
import { Forecasting1763810000000 } from './1763810000000-forecasting.js';
import { Adherence1763820000000 } from './1763820000000-adherence.js';
import { KpiInputs1763830000000 } from './1763830000000-kpi-inputs.js';

/** Every migration, in order. A landed migration is never edited; add a new one. */
export const MIGRATIONS = [Foundation1763780000000, Ingestion1763790000000, StaffingPlans1763800000000, Forecasting1763810000000, Adherence1763820000000,
  KpiInputs1763830000000];
