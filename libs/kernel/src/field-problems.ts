import type { ValidationError } from 'class-validator';
import type { FieldProblem } from './domain-error';

/**
 * class-validator's nested errors as one flat list of dotted field paths and reasons, the shape every
 * 422 problem names its fields in: the gateway's body validation and the RPC boundary both report with it.
 */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      reason: rule === 'whitelistValidation' ? 'is not a known field' : message.replace(new RegExp(`^${error.property} `), ''),
    }));
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}
