export * from './metrics.registry';
export * from './metrics.module';
export * from './metrics.auth';
export * from './metrics.server';
