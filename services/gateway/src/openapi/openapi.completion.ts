import type { HeaderObject, OpenAPIObject, OperationObject, ReferenceObject, ResponseObject, SecurityRequirementObject } from '@nestjs/swagger';

/**
 * What every operation of the gateway shares, added to the generated document in one place instead of
 * on each of the routes: the response headers every answer carries, `security` for public routes, a
 * description naming the right a route needs, and the server. Route-specific facts (schemas, statuses,
 * ETag) stay on the routes' decorators.
 */
export const RESPONSE_HEADERS: Record<string, HeaderObject> = {
  'X-Request-Id': {
    description: 'The id of this request: yours when you sent a sane one (up to 128 characters of `A-Za-z0-9._:-`), else a new UUID; also `requestId` in problem bodies and on every log line of the request',
    schema: { type: 'string', maxLength: 128, example: '0192f0c4-6b1e-7000-8000-5f0e8c1d2a3b' },
  },
  'Retry-After': {
    description: 'Seconds to wait before trying again',
    schema: { type: 'integer', minimum: 0, example: 5 },
  },
  ETag: {
    description: 'The resource version as a strong entity tag (`"3"`); send it back as `If-Match` to change the resource',
    schema: { type: 'string', example: '"3"' },
  },
};

/** Answers that come with a Retry-After: rate limited, or a dependency (bus, service, database) unavailable. */
const RETRY_STATUSES = new Set(['429', '503']);
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** The extensions route-metadata.ts puts on every operation: the right it needs, or why it is public. */
type WardenOperation = OperationObject & { 'x-required-right'?: string; 'x-public'?: string };

function headerRef(name: string): ReferenceObject {
  return { $ref: `#/components/headers/${name}` };
}

function isResponse(response: ResponseObject | ReferenceObject): response is ResponseObject {
  return !('$ref' in response);
}

function describe(operation: WardenOperation): string {
  const right = operation['x-required-right'];
  const publicReason = operation['x-public'];
  const access = right
    ? `Needs the right \`${right}\` (403 when the permissions service refuses, with the refusing rule in \`code\` and \`detail\`).`
    : `Public: ${publicReason ?? 'no token needed'}.`;
  const own = operation.description?.trim() || `${operation.summary ?? ''}.`;
  return `${own}\n\n${access}`;
}

/** Public routes say so (`security: []`) unless they declare what they accept themselves (realtime, sign-up). */
function security(operation: WardenOperation): SecurityRequirementObject[] {
  if (operation['x-required-right']) return operation.security ?? [{ bearer: [] }];
  return operation.security ?? [];
}

export interface CompletionOptions {
  /** The gateway's public address(es) to name in `servers`. */
  servers: { url: string; description: string }[];
}

export function completeOpenApiDocument(document: OpenAPIObject, options: CompletionOptions): OpenAPIObject {
  document.servers = options.servers;
  document.components ??= {};
  document.components.headers = { ...document.components.headers, ...RESPONSE_HEADERS };
  for (const pathItem of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation: WardenOperation | undefined = pathItem[method];
      if (!operation) continue;
      operation.description = describe(operation);
      operation.security = security(operation);
      for (const [status, response] of Object.entries(operation.responses)) {
        if (!response || !isResponse(response)) continue;
        const headers: Record<string, HeaderObject | ReferenceObject> = { 'X-Request-Id': headerRef('X-Request-Id'), ...response.headers };
        if (RETRY_STATUSES.has(status)) headers['Retry-After'] = headerRef('Retry-After');
        if (headers.ETag) headers.ETag = headerRef('ETag');
        response.headers = headers;
      }
    }
  }
  return document;
}
