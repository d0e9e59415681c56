import type { TransformFnParams } from 'class-transformer';

/**
 * Normalisations of request text, applied once where an RPC's data is turned into its request class
 * (libs/service-kit/src/rpc-validation.interceptor.ts), so handlers receive the text as they store it.
 */

/** Surrounding whitespace removed; a value that is not a string is left for the validators to refuse. */
export function trimmed({ value }: TransformFnParams): unknown {
  return typeof value === 'string' ? value.trim() : value;
}

/** Trimmed, and null when nothing is left: an optional text sent blank means none. */
export function trimmedOrNull({ value }: TransformFnParams): unknown {
  if (typeof value !== 'string') return value;
  return value.trim() || null;
}
