export { queryRows } from '@warden/persistence';
