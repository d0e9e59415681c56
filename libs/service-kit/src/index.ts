export * from './env.loader';
export * from './service.config';
export * from './rpc-error.filter';
export * from './health.messages';
export * from './logging.params';
export * from './service-kit.module';
export * from './service.bootstrap';
export * from './rpc-handler.decorator';
