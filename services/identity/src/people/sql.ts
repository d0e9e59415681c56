export { likePattern, queryRows } from '@warden/persistence';
