import { Controller, Get } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import type { HealthCheckResult } from '@nestjs/terminus';
import { Public } from '../auth/route-metadata';
import { ApiProblemCodes, ApiProblems, DependencyHealthDto } from '../http/problem.dto';
import { ReadinessResponseDto } from './health.response.dto';
import { ServicesHealthIndicator } from './services.health-indicator';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly services: ServicesHealthIndicator,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness probe' })
  @Public('liveness probe')
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness probe' })
  @Public('readiness probe')
  @ApiExtraModels(DependencyHealthDto)
  @ApiOkResponse({ type: ReadinessResponseDto })
  @ApiProblems(503)
  @ApiProblemCodes({ 503: ['HEALTH.NOT_READY'] })
  // Documented here: the 503 is a problem document (see problem-details.filter.ts), not terminus's own body.
  @HealthCheck({ swaggerDocumentation: false })
  async ready(): Promise<HealthCheckResult> {
    const results = await this.services.check();
    return this.health.check(results.map((result) => () => result));
  }
}
