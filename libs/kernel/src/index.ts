export * from './domain-error';
export * from './ids';
export * from './cursor';
export * from './schedule';
export * from './phone';
