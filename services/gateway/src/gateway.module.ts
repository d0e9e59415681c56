import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE, DiscoveryModule } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { BusModule } from '@warden/messaging';
import { MetricsModule } from '@warden/metrics';
import { loggerParams, MetricsEndpoint, SERVICE_ENV, ShutdownState } from '@warden/service-kit';
import { AccessGuard } from './access/access.guard';
import { AccessMetrics } from './access/access.metrics';
import { AccessService, DECISION_CACHE } from './access/access.service';
import { DecisionCache } from './access/decision.cache';
import { PermissionsLiveness } from './access/permissions.liveness';
import { PolicyChangeListener } from './access/policy-change.listener';
import { PolicyAnnouncements } from './access/policy-announcements';
import { RouteActionAudit } from './access/route-action.audit';
import { AccessTokenVerifier } from './auth/access-token.verifier';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { LiveSessionCheck } from './auth/live-session.check';
import { SessionRevocationListener } from './auth/session-revocation.listener';
import { SessionRevocations } from './auth/session-revocations';
import { GATEWAY_ENV } from './config/gateway.env';
import type { GatewayEnv } from './config/gateway.env';
import { FEATURE_MODULES } from './features';
import { HealthController } from './health/health.controller';
import { ServicesHealthIndicator } from './health/services.health-indicator';
import { IdParamsPipe } from './http/id-params.pipe';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { createValidationPipe } from './http/validation.pipe';
import { HttpMetrics } from './metrics/http.metrics';
import { MetricsController } from './metrics/metrics.controller';

/** Cross-cutting pieces every route relies on; feature controllers come from FEATURE_MODULES. */
@Module({})
export class CoreModule {
  static forRoot(env: GatewayEnv): DynamicModule {
    return {
      module: CoreModule,
      global: true,
      imports: [
        LoggerModule.forRoot(loggerParams('gateway', env.LOG_LEVEL)),
        MetricsModule.forService('gateway'),
        BusModule.forRoot({
          service: 'gateway',
          natsUrl: env.NATS_URL,
          natsAuth: env,
          nodeEnv: env.NODE_ENV,
          streamReplicas: env.NATS_STREAM_REPLICAS,
        }),
        // A KeyObject, not the string: jsonwebtoken would try to parse a string as a public key first on every verify.
        JwtModule.register({ secret: createSecretKey(Buffer.from(env.JWT_SECRET, 'utf8')), verifyOptions: { algorithms: ['HS256'] } }),
        TerminusModule.forRoot({ logger: false }),
        DiscoveryModule,
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: GATEWAY_ENV, useValue: env },
        // With METRICS_PORT set, /metrics also on that internal port, as the services serve it (what a cluster scrapes).
        { provide: SERVICE_ENV, useValue: env },
        MetricsEndpoint,
        { provide: DECISION_CACHE, useValue: new DecisionCache(env.DECISION_CACHE === 'on', env.DECISION_CACHE_TTL_MS) },
        SessionRevocations,
        SessionRevocationListener,
        LiveSessionCheck,
        AccessTokenVerifier,
        AccessService,
        AccessMetrics,
        HttpMetrics,
        PermissionsLiveness,
        PolicyChangeListener,
        { provide: PolicyAnnouncements, useValue: new PolicyAnnouncements() },
        RouteActionAudit,
        ServicesHealthIndicator,
        ShutdownState,
        // Guards run in this order: who you are, then whether you may.
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: AccessGuard },
        // Pipes run in this order: ids first (404 for what cannot exist), then the DTOs.
        { provide: APP_PIPE, useClass: IdParamsPipe },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
      exports: [GATEWAY_ENV, DECISION_CACHE, AccessService, AccessTokenVerifier, SessionRevocations, JwtModule],
    };
  }
}

@Module({})
export class GatewayModule {
  static forRoot(env: GatewayEnv): DynamicModule {
    return { module: GatewayModule, imports: [CoreModule.forRoot(env), ...FEATURE_MODULES] };
  }
}
