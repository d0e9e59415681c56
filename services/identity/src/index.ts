export { IDENTITY_SERVICE } from './identity.service-definition';
export { SESSION_LEASE_MS } from './sessions/session-lease';
export { PresenceSweeper } from './presence/presence.sweeper';
