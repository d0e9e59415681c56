export { IDENTITY_SERVICE } from './identity.service-definition';
