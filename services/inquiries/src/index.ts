export { INQUIRIES_SERVICE } from './inquiries.service-definition';
export { RoutingClock } from './routing/routing.clock';
