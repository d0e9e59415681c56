export { INQUIRIES_SERVICE } from './inquiries.service-definition';
