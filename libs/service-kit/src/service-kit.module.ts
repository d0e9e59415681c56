import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { LoggerModule } from 'nestjs-pino';
import { MessagingModule } from '@warden/messaging';
import { MetricsModule } from '@warden/metrics';
import { PersistenceModule } from '@warden/persistence';
import type { ServicePersistenceOptions } from '@warden/persistence';
import { createHealthMessages } from './health.messages';
import { loggerParams } from './logging.params';
import { MetricsEndpoint } from './metrics.endpoint';
import { RpcErrorFilter } from './rpc-error.filter';
import { RpcMetricsInterceptor } from './rpc-metrics.interceptor';
import { RpcTracingInterceptor } from './rpc-tracing.interceptor';
import { RpcValidationInterceptor } from './rpc-validation.interceptor';
import { RequestContextInterceptor } from './request-context.interceptor';
import { SERVICE_ENV } from './service.config';
import type { ServiceEnv } from './service.config';
import { ShutdownState } from './shutdown.state';

export interface ServiceDefinition {
  /** Also the schema name, the event source and the RPC subject prefix. */
  name: string;
  rootModule: DynamicModule['module'];
  entities: ServicePersistenceOptions['entities'];
  migrations: ServicePersistenceOptions['migrations'];
}

/** Logging, metrics, persistence, messaging, CQRS, health and error mapping: what every service process has. */
@Module({})
export class ServiceKitModule {
  static forService(definition: ServiceDefinition, env: ServiceEnv): DynamicModule {
    return {
      module: ServiceKitModule,
      global: true,
      imports: [
        LoggerModule.forRoot(loggerParams(definition.name, env.LOG_LEVEL)),
        MetricsModule.forService(definition.name),
        PersistenceModule.forService({
          service: definition.name,
          databaseUrl: env.DATABASE_URL,
          poolSize: env.DATABASE_POOL_SIZE,
          entities: definition.entities,
          migrations: definition.migrations,
        }),
        MessagingModule.forService({
          service: definition.name,
          natsUrl: env.NATS_URL,
          natsAuth: env,
          nodeEnv: env.NODE_ENV,
          streamReplicas: env.NATS_STREAM_REPLICAS,
        }),
        CqrsModule.forRoot(),
      ],
      controllers: [createHealthMessages(definition.name)],
      providers: [
        { provide: SERVICE_ENV, useValue: env },
        { provide: APP_FILTER, useClass: RpcErrorFilter },
        { provide: APP_INTERCEPTOR, useClass: RequestContextInterceptor },
        { provide: APP_INTERCEPTOR, useClass: RpcTracingInterceptor },
        { provide: APP_INTERCEPTOR, useClass: RpcMetricsInterceptor },
        // Last, so a refused message is still traced and counted.
        { provide: APP_INTERCEPTOR, useClass: RpcValidationInterceptor },
        MetricsEndpoint,
        ShutdownState,
      ],
      exports: [SERVICE_ENV, PersistenceModule, CqrsModule, ShutdownState],
    };
  }
}
