import { registerDecorator } from 'class-validator';
import type { ValidationArguments } from 'class-validator';

export const MIN_SECRET_LENGTH = 32;
const MIN_DISTINCT_CHARACTERS = 10;

/** Words that mark a value somebody meant to replace (the shipped examples and Compose defaults all have one). */
const PLACEHOLDER_WORDS = ['changeme', 'example', 'placeholder', 'devonly', 'secret', 'password', 'replace', 'insecure', 'dummy'];

/** Repeats a shorter unit ("abcabcabc…"): far fewer bits than its length suggests. */
function isPeriodic(value: string): boolean {
  for (let period = 1; period <= value.length / 2; period++) {
    let repeats = true;
    for (let index = period; index < value.length && repeats; index++) repeats = value[index] === value[index - period];
    if (repeats) return true;
  }
  return false;
}

/** Why a value cannot be a production secret, or undefined when it looks random enough. */
export function weakSecretReason(value: string): string | undefined {
  const squashed = value.toLowerCase().replace(/[^a-z0-9]/g, '');
  const word = PLACEHOLDER_WORDS.find((placeholder) => squashed.includes(placeholder));
  if (word) return `looks like a placeholder (contains "${word}")`;
  if (value.length < MIN_SECRET_LENGTH) return `is shorter than ${MIN_SECRET_LENGTH} characters`;
  if (new Set(value).size < MIN_DISTINCT_CHARACTERS) return `has fewer than ${MIN_DISTINCT_CHARACTERS} distinct characters`;
  if (isPeriodic(value)) return 'repeats a shorter pattern';
  return undefined;
}

/**
 * With NODE_ENV=production the value must be a real random secret: a service refuses to start with a
 * placeholder, a short or a low-entropy value (message naming the variable). Elsewhere other rules apply.
 */
export function IsProductionSecret(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isProductionSecret',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate(value: unknown, args: ValidationArguments): boolean {
          if ((args.object as { NODE_ENV?: string }).NODE_ENV !== 'production' || value === undefined) return true;
          return typeof value === 'string' && weakSecretReason(value) === undefined;
        },
        defaultMessage(args: ValidationArguments): string {
          const reason = typeof args.value === 'string' ? weakSecretReason(args.value) : 'is not a string';
          return `${args.property} ${reason}; production needs at least ${MIN_SECRET_LENGTH} random characters (e.g. \`openssl rand -base64 48\`)`;
        },
      },
    });
  };
}
