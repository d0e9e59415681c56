export { INTEGRATIONS_SERVICE } from './integrations.service-definition';
export { DeliveryLogPruner } from './webhooks/delivery-log.pruner';
