export * from './data-source.factory';
export * from './postgres.errors';
export * from './persistence.module';
export * from './sql';
export * from './transaction.retry';
export * from './status-delta.query';
