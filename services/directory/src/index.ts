export { DIRECTORY_SERVICE } from './directory.service-definition';
