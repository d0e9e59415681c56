export * from './work-schedule';
export * from './working-at';
export { canonicalTimeZone } from './zone-clock';
