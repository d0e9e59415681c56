export { INTEGRATIONS_SERVICE } from './integrations.service-definition';
