import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import type { HealthCheckResult, HealthIndicatorResult } from '@nestjs/terminus';
import type { NatsConnection } from '@nats-io/transport-node';
import { NATS_CONNECTION } from '@warden/messaging';
import { ShutdownState } from '@warden/service-kit';
import { Public } from '../auth/route-metadata';
import { ApiProblemCodes, ApiProblems, DependencyHealthDto } from '../http/problem.dto';
import { ReadinessResponseDto } from './health.response.dto';
import { ServicesHealthIndicator } from './services.health-indicator';

const NATS_PING_TIMEOUT_MS = 1000;

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly services: ServicesHealthIndicator,
    private readonly shutdown: ShutdownState,
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness probe' })
  @Public('liveness probe')
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  /**
   * Ready when the gateway itself can serve: its NATS connection answers and it is not shutting down. The
   * services are listed in `details` but do not decide: a missing service makes only its own routes answer 503,
   * and taking every gateway out of rotation for it would make all the other routes fail as well.
   */
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
    const own: Record<string, HealthIndicatorResult[string]> = { nats: await this.natsStatus() };
    if (this.shutdown.shuttingDown) own.shutdown = { status: 'down', message: 'the gateway is shutting down' };
    const services = Object.assign({}, ...(await this.services.check())) as HealthIndicatorResult;
    const details = { ...own, ...services };
    const pick = (status: 'up' | 'down') => Object.fromEntries(Object.entries(details).filter(([, check]) => check.status === status));
    const ready = Object.values(own).every((check) => check.status === 'up');
    const result: HealthCheckResult = { status: ready ? 'ok' : 'error', info: pick('up'), error: pick('down'), details };
    if (!ready) throw new ServiceUnavailableException(result);
    return result;
  }

  private async natsStatus(): Promise<HealthIndicatorResult[string]> {
    if (this.nats.isClosed()) return { status: 'down', message: 'the NATS connection is closed' };
    let timer: NodeJS.Timeout | undefined;
    try {
      const rtt = await Promise.race([
        this.nats.rtt(),
        new Promise<never>(
          (_, reject) => (timer = setTimeout(() => reject(new Error('NATS did not answer a ping')), NATS_PING_TIMEOUT_MS)),
        ),
      ]);
      return { status: 'up', rttMs: Math.round(rtt) };
    } catch (error) {
      return { status: 'down', message: (error as Error).message };
    } finally {
      clearTimeout(timer);
    }
  }
}
