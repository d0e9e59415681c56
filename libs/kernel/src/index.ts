export * from './domain-error';
export * from './error-codes';
export * from './ids';
export * from './cursor';
export * from './schedule';
export * from './phone';
export * from './field-problems';
