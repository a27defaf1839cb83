import { ValidateBy, type ValidationOptions } from 'class-validator';
import { parseCivilDate } from '../../core/time/parse-civil-date.js';

/**
 * A calendar date `YYYY-MM-DD` that exists, in the years 1900–2200: `2030-02-30` and year 0 are
 * refused (422 naming the field) rather than rolled over to another day or sent to PostgreSQL.
 */
export function IsCivilDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCivilDate',
      validator: {
        validate: (value: unknown): boolean => typeof value === 'string' && !Number.isNaN(parseCivilDate(value)),
        defaultMessage: (): string => 'must be a date YYYY-MM-DD that exists, in the years 1900–2200',
      },
    },
    options,
  );
}
