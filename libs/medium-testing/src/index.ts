export * from './medium.harness';
