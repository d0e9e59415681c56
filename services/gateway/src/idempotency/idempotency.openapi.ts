import type { OpenAPIObject } from '@nestjs/swagger';
import { MAX_IDEMPOTENCY_KEY_LENGTH } from './idempotency-key';

const PARAMETER_NAME = 'IdempotencyKey';

/**
 * Declares the `Idempotency-Key` header once (components.parameters) and references it from every
 * state-changing operation the interceptor honours; the sign-in routes take no key.
 */
export function documentIdempotencyKey(document: OpenAPIObject): void {
  document.components ??= {};
  document.components.parameters ??= {};
  document.components.parameters[PARAMETER_NAME] = {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description:
      'Makes a retry safe: the first request with a key runs and its answer (status, body, ETag) is kept for 24 hours; the same key ' +
      'with the same method, path and body replays it (`Idempotent-Replayed: true`) without doing the work again; with another ' +
      'request it is 422 `IDEMPOTENCY.KEY_REUSED`; while the first is still running it is 409 `IDEMPOTENCY.IN_PROGRESS` with ' +
      'Retry-After. After a 503 or a lost connection, send the request again with the same key to get its one true answer. Keys are ' +
      `scoped to you (tenant and person); sent bare or as a structured-field string ("..."), printable ASCII, at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters.`,
    schema: { type: 'string', maxLength: MAX_IDEMPOTENCY_KEY_LENGTH, example: '8e03978e-40d5-43e8-bc93-6894a57f9324' },
  };
  for (const [path, item] of Object.entries(document.paths)) {
    if (!path.startsWith('/api/') || path.startsWith('/api/v1/auth/')) continue;
    for (const method of ['post', 'put', 'patch', 'delete'] as const) {
      const operation = item[method];
      if (!operation) continue;
      operation.parameters = [...(operation.parameters ?? []), { $ref: `#/components/parameters/${PARAMETER_NAME}` }];
    }
  }
}
