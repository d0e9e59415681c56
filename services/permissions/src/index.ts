export { PERMISSIONS_SERVICE } from './permissions.service-definition';
