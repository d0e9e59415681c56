import { ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath, ApiExtraModels } from '@nestjs/swagger';
import { applyDecorators } from '@nestjs/common';

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
  @ApiPropertyOptional() requestId?: string;
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
    ApiExtraModels(ProblemDto),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Error',
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) } } },
      }),
    ),
  );
}
