export { INQUIRIES_SERVICE } from './inquiries.service-definition';
export { StickyReleaseSweeper } from './routing/sticky-release.sweeper';
