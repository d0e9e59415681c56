import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { DependencyHealthDto } from '../http/problem.dto';

const BY_DEPENDENCY = { type: 'object', additionalProperties: { $ref: getSchemaPath(DependencyHealthDto) } } as const;

/** The readiness answer while every dependency answers (a failing one makes it a 503 problem, HEALTH.NOT_READY). */
export class ReadinessResponseDto {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
  @ApiProperty({ ...BY_DEPENDENCY, description: 'The dependencies that are up' }) info!: Record<string, DependencyHealthDto>;
  @ApiProperty({ ...BY_DEPENDENCY, description: 'The dependencies that are down (none while ready)' }) error!: Record<
    string,
    DependencyHealthDto
  >;
  @ApiProperty({ ...BY_DEPENDENCY, description: 'Every dependency' }) details!: Record<string, DependencyHealthDto>;
}
