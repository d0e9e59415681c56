import { ApiExtension, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath, ApiExtraModels } from '@nestjs/swagger';
import { applyDecorators } from '@nestjs/common';
import type { ErrorCode } from '@warden/kernel';

export class DependencyHealthDto {
  @ApiProperty({ enum: ['up', 'down'] }) status!: 'up' | 'down';
  @ApiPropertyOptional({ example: 'The inquiries service is not available' }) message?: string;
  @ApiPropertyOptional({ type: 'integer', example: 1, description: 'nats: the round trip of a ping, in ms' }) rttMs?: number;
}

export class FieldProblemDto {
  @ApiProperty({ example: 'email' }) field!: string;
  @ApiProperty({ example: 'must be an email' }) reason!: string;
}

/** RFC 9457 problem document, as every error of this API is answered. */
export class ProblemDto {
  @ApiProperty({ example: 'urn:warden:problem:request-invalid' }) type!: string;
  @ApiProperty({ example: 'Unprocessable Content' }) title!: string;
  @ApiProperty({ type: 'integer', example: 422 }) status!: number;
  @ApiProperty({ example: 'email must be an email' }) detail!: string;
  @ApiProperty({ example: 'REQUEST.INVALID', description: 'Stable machine-readable code' }) code!: string;
  @ApiPropertyOptional({ example: '/api/v1/staff' }) instance?: string;
  @ApiPropertyOptional({ type: [FieldProblemDto] }) errors?: FieldProblemDto[];
  @ApiPropertyOptional({ description: 'The X-Request-Id of the request' }) requestId?: string;
  // Extensions some problems carry (the details of the domain error behind them).
  @ApiPropertyOptional({ example: 'orders.update', description: '403: the action that was refused' }) action?: string;
  @ApiPropertyOptional({ type: 'integer', example: 7, description: "403: the tenant's policy version the refusal was decided under" })
  policyVersion?: number;
  @ApiPropertyOptional({ type: 'integer', example: 4, description: '409 *.VERSION_MISMATCH: the version the resource is at now' })
  currentVersion?: number;
  @ApiPropertyOptional({
    type: 'integer',
    example: 30,
    description: '429: seconds until a retry can succeed (also the Retry-After header)',
  })
  retryAfterSeconds?: number;
  @ApiPropertyOptional({ example: 'permissions', description: '503: the service that did not answer' }) service?: string;
  @ApiPropertyOptional({ format: 'uuid', description: '409 STATUS.IN_USE: the status orders still use' }) statusId?: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(DependencyHealthDto) },
    description: '503 HEALTH.NOT_READY: each dependency, up or down',
  })
  details?: Record<string, DependencyHealthDto>;
  @ApiPropertyOptional({ example: 'internal', description: '403 CONVERSATION.KIND_DISABLED: the conversation kind switched off' })
  kind?: string;
}

const DESCRIPTIONS: Record<number, string> = {
  401: 'No valid access token',
  403: 'The permissions service refused the action; `detail` says why',
  404: 'Not found, or not visible to you',
  409: 'Conflicts with the current state (duplicate, stale version)',
  412: 'The If-Match version is stale',
  422: 'The request is invalid; `errors` names each field and why',
  429: 'Too many attempts; retry later',
  503: 'A service needed for the decision or the action did not answer',
};

/** Documents the problem responses a route can give. */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemDto, DependencyHealthDto),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Error',
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) } } },
      }),
    ),
  );
}

/**
 * The route's own problem codes by status, on top of the ones every route has (authentication, validation,
 * the bus: see openapi.completion.ts), listed in the document with each problem response.
 */
export function ApiProblemCodes(codes: Partial<Record<number, readonly ErrorCode[]>>): MethodDecorator & ClassDecorator {
  return ApiExtension('x-problem-codes', codes);
}
