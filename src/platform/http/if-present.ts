import { ValidateIf } from 'class-validator';

/**
 * Like class-validator's `@IsOptional()` for a field that may be left out but never be `null`:
 * the field's validators run unless it is absent, so `"serviceLevelTarget": null` is a 422
 * naming the field instead of a null that reaches the service as if it were a number.
 */
export function IfPresent(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}
