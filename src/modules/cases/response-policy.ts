import { validationFailed, type FieldError } from '../../platform/errors/domain-error.js';

export const OBJECTIVE_UNITS = ['minutes', 'hours', 'business-hours', 'business-days'] as const;
export type ObjectiveUnit = (typeof OBJECTIVE_UNITS)[number];
export const OBJECTIVE_CLOCKS = ['24x7', 'business'] as const;
export type ObjectiveClockName = (typeof OBJECTIVE_CLOCKS)[number];

/** One time objective: an amount of a unit, run on a clock (business units need the business clock). */
export interface Objective {
  amount: number;
  unit: ObjectiveUnit;
  clock: ObjectiveClockName;
}

/** The objectives of one priority; null: none ("as required"). */
export interface PriorityObjectives {
  priority: string;
  initialResponse: Objective | null;
  updateCadence: Objective | null;
  resolution: Objective | null;
}

/** A tenant's response-time objectives, by priority (in the order given). */
export interface ResponsePolicy {
  priorities: PriorityObjectives[];
}

const clock24 = (amount: number, unit: ObjectiveUnit): Objective => ({ amount, unit, clock: '24x7' });
const business = (amount: number, unit: ObjectiveUnit): Objective => ({ amount, unit, clock: 'business' });

/**
 * The seed's support agreement: P1 initial response 15 minutes and a status update every hour,
 * P2 30 minutes / every 4 hours, P3 4 hours / every 2 business days, P4 1 business day / as
 * required; around the clock except the business-day ones. The seed sets no resolution objective.
 */
export const DEFAULT_POLICY: ResponsePolicy = {
  priorities: [
    { priority: 'P1', initialResponse: clock24(15, 'minutes'), updateCadence: clock24(1, 'hours'), resolution: null },
    { priority: 'P2', initialResponse: clock24(30, 'minutes'), updateCadence: clock24(4, 'hours'), resolution: null },
    { priority: 'P3', initialResponse: clock24(4, 'hours'), updateCadence: business(2, 'business-days'), resolution: null },
    { priority: 'P4', initialResponse: business(1, 'business-days'), updateCadence: null, resolution: null },
  ],
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseObjective(v: unknown, path: string, errors: FieldError[]): Objective | null {
  if (v === null || v === undefined) return null;
  if (!isRecord(v)) {
    errors.push({ field: path, reason: 'must be { amount, unit, clock } or null (no objective)' });
    return null;
  }
  for (const k of Object.keys(v)) if (!['amount', 'unit', 'clock'].includes(k)) errors.push({ field: `${path}.${k}`, reason: 'is not an objective property' });
  const { amount, unit, clock } = v;
  const before = errors.length;
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount <= 0 || amount > 100_000) errors.push({ field: `${path}.amount`, value: amount, reason: 'must be a number greater than 0 (at most 100000)' });
  if (typeof unit !== 'string' || !(OBJECTIVE_UNITS as readonly string[]).includes(unit)) errors.push({ field: `${path}.unit`, value: unit, reason: `must be one of ${OBJECTIVE_UNITS.join(', ')}` });
  const c = clock === undefined ? (typeof unit === 'string' && unit.startsWith('business-') ? 'business' : '24x7') : clock;
  if (typeof c !== 'string' || !(OBJECTIVE_CLOCKS as readonly string[]).includes(c)) errors.push({ field: `${path}.clock`, value: clock, reason: `must be one of ${OBJECTIVE_CLOCKS.join(', ')}` });
  else if (typeof unit === 'string' && unit.startsWith('business-') && c !== 'business') errors.push({ field: `${path}.clock`, value: clock, reason: `${unit} run on the business clock` });
  return errors.length > before ? null : { amount: amount as number, unit: unit as ObjectiveUnit, clock: c as ObjectiveClockName };
}

/**
 * Checks a response policy document; 422 VALIDATION_FAILED naming every bad field by its path
 * (`priorities[2].updateCadence.unit`). `clock` may be left out: business units run on the
 * business clock, minutes and hours around the clock.
 */
export function parseResponsePolicy(body: unknown): ResponsePolicy {
  const errors: FieldError[] = [];
  if (!isRecord(body)) throw validationFailed([{ field: '', reason: 'must be a JSON object { priorities: [...] }' }]);
  for (const k of Object.keys(body)) if (k !== 'priorities') errors.push({ field: k, reason: 'is not a policy property' });
  const list = body.priorities;
  const priorities: PriorityObjectives[] = [];
  if (!Array.isArray(list) || list.length === 0 || list.length > 50) {
    errors.push({ field: 'priorities', reason: 'must be a list of 1 to 50 priorities' });
  } else {
    const seen = new Set<string>();
    list.forEach((p: unknown, i) => {
      const path = `priorities[${i}]`;
      if (!isRecord(p)) {
        errors.push({ field: path, reason: 'must be { priority, initialResponse, updateCadence, resolution }' });
        return;
      }
      for (const k of Object.keys(p)) if (!['priority', 'initialResponse', 'updateCadence', 'resolution'].includes(k)) errors.push({ field: `${path}.${k}`, reason: 'is not a priority property' });
      const name = p.priority;
      if (typeof name !== 'string' || name.trim() === '' || name.length > 50) errors.push({ field: `${path}.priority`, value: name, reason: 'must be a name of 1 to 50 characters' });
      else if (seen.has(name.trim())) errors.push({ field: `${path}.priority`, value: name, reason: 'appears more than once' });
      else seen.add(name.trim());
      priorities.push({
        priority: typeof name === 'string' ? name.trim() : '',
        initialResponse: parseObjective(p.initialResponse, `${path}.initialResponse`, errors),
        updateCadence: parseObjective(p.updateCadence, `${path}.updateCadence`, errors),
        resolution: parseObjective(p.resolution, `${path}.resolution`, errors),
      });
    });
  }
  if (errors.length) throw validationFailed(errors);
  return { priorities };
}

/**
 * Seconds of an objective on its clock: minutes × 60, hours and business hours × 3,600,
 * business days × the seconds of one business day (closing − opening time: a business day is
 * a full day of business hours, so "1 business day" from Monday 10:00 is Tuesday 10:00).
 */
export function objectiveSeconds(o: Objective, businessDaySeconds: number): number {
  switch (o.unit) {
    case 'minutes':
      return o.amount * 60;
    case 'hours':
    case 'business-hours':
      return o.amount * 3600;
    case 'business-days':
      return o.amount * businessDaySeconds;
  }
}
