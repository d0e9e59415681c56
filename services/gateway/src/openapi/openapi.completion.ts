import type {
  HeaderObject,
  OpenAPIObject,
  OperationObject,
  ReferenceObject,
  ResponseObject,
  SecurityRequirementObject,
} from '@nestjs/swagger';

/**
 * What every operation of the gateway shares, added to the generated document in one place instead of
 * on each of the routes: the response headers every answer carries, `security` for public routes, a
 * description naming the right a route needs, and the server. Route-specific facts (schemas, statuses,
 * ETag) stay on the routes' decorators.
 */
export const RESPONSE_HEADERS: Record<string, HeaderObject> = {
  'X-Request-Id': {
    description:
      'The id of this request: yours when you sent a sane one (up to 128 characters of `A-Za-z0-9._:-`), else a new UUID; also `requestId` in problem bodies and on every log line of the request',
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

/**
 * The problem codes any route answers with for a status, whatever the route (authentication, request
 * parsing and validation, the bus). A route names its own further codes with @ApiProblemCodes.
 */
const COMMON_CODES: Record<string, string[]> = {
  '400': ['REQUEST.MALFORMED'],
  '401': ['AUTH.TOKEN_MISSING', 'AUTH.TOKEN_INVALID', 'AUTH.TOKEN_EXPIRED', 'AUTH.SESSION_ENDED'],
  '403': ['RIGHT.NOT_GRANTED', 'RIGHT.DENIED_PERSONALLY'],
  '413': ['REQUEST.TOO_LARGE'],
  '414': ['REQUEST.URI_TOO_LONG'],
  '415': ['REQUEST.UNSUPPORTED_MEDIA_TYPE'],
  '422': ['REQUEST.INVALID'],
  '429': ['RATE.LIMITED'],
  '431': ['REQUEST.HEADERS_TOO_LARGE'],
  '503': ['BUS.UNAVAILABLE', 'BUS.TIMEOUT'],
};

/** What Fastify refuses before a route with a JSON body runs: unparsable JSON, too large, not JSON. */
const BODY_REFUSALS: Record<string, string> = {
  '400': 'The body is not valid JSON',
  '413': 'The body is larger than the gateway accepts (256 KiB)',
  '415': 'The body is not application/json',
};

/** What the HTTP layer refuses before any route runs (http/fastify-refusals.ts): a bad URL, a path parameter or headers too large. */
const REQUEST_REFUSALS: Record<string, string> = {
  '400': 'The request URL is not valid',
  '414': 'A path parameter is too long',
  '431': 'The request line and headers are larger than the gateway accepts (16 KB)',
};

/** Answers that come with a Retry-After: rate limited, or a dependency (bus, service, database) unavailable. */
const RETRY_STATUSES = new Set(['429', '503']);
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * The extensions route-metadata.ts puts on every operation (the right it needs, or why it is public) and
 * the route's own problem codes by status (@ApiProblemCodes in http/problem.dto.ts).
 */
type WardenOperation = OperationObject & { 'x-required-right'?: string; 'x-public'?: string; 'x-problem-codes'?: Record<string, string[]> };

function problemResponse(description: string): ResponseObject {
  return { description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDto' } } } };
}

/** Names the problem codes a response can carry, in its description and as `x-problem-codes`. */
function listCodes(operation: WardenOperation, status: string, response: ResponseObject): void {
  if (!response.content?.['application/problem+json']) return;
  const codes = [...new Set([...(COMMON_CODES[status] ?? []), ...(operation['x-problem-codes']?.[status] ?? [])])];
  if (status === '403' && !operation['x-required-right']) codes.splice(0, codes.length, ...(operation['x-problem-codes']?.[status] ?? []));
  if (codes.length === 0) return;
  response.description = `${response.description}. Codes: ${codes.map((code) => `\`${code}\``).join(', ')}`;
  (response as ResponseObject & { 'x-problem-codes'?: string[] })['x-problem-codes'] = codes;
}

function headerRef(name: string): ReferenceObject {
  return { $ref: `#/components/headers/${name}` };
}

function isResponse(response: ResponseObject | ReferenceObject): response is ResponseObject {
  return !('$ref' in response);
}

function describe(operation: WardenOperation): string {
  const right = operation['x-required-right'];
  const publicReason = operation['x-public'];
  // `auth.login` on a route (route-metadata.ts, @SignedIn()) means: any signed-in person.
  const access =
    right === 'auth.login'
      ? 'Any signed-in person may call it (the right `auth.login`: 403 when a personal deny or a group barred from login takes it away).'
      : right
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
      if (operation.requestBody) {
        for (const [status, description] of Object.entries(BODY_REFUSALS)) operation.responses[status] ??= problemResponse(description);
      }
      for (const [status, description] of Object.entries(REQUEST_REFUSALS)) operation.responses[status] ??= problemResponse(description);
      for (const [status, response] of Object.entries(operation.responses)) {
        if (!response || !isResponse(response)) continue;
        listCodes(operation, status, response);
        const headers: Record<string, HeaderObject | ReferenceObject> = { 'X-Request-Id': headerRef('X-Request-Id'), ...response.headers };
        if (RETRY_STATUSES.has(status)) headers['Retry-After'] = headerRef('Retry-After');
        if (headers.ETag) headers.ETag = headerRef('ETag');
        response.headers = headers;
      }
      delete operation['x-problem-codes'];
    }
  }
  return document;
}
