import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { MetricsRegistry } from './metrics.registry';

/** The application's MetricsRegistry, injectable everywhere (global) so each piece registers its own instruments. */
@Module({})
export class MetricsModule {
  static forService(service: string): DynamicModule {
    return {
      module: MetricsModule,
      global: true,
      providers: [{ provide: MetricsRegistry, useValue: new MetricsRegistry(service) }],
      exports: [MetricsRegistry],
    };
  }
}
