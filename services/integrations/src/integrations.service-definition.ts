import type { ServiceDefinition } from '@warden/service-kit';
import { IntegrationsModule } from './integrations.module';
import { CreateIntegrationsSchema1733300000000 } from './migrations/1733300000000-create-integrations-schema.migration';
import { CreateNotificationTables1733350000000 } from './migrations/1733350000000-create-notification-tables.migration';
import { DeliveryLogRetention1734900000000 } from './migrations/1734900000000-delivery-log-retention.migration';
import { CreateAuditEntries1735000000000 } from './migrations/1735000000000-create-audit-entries.migration';
import { DeliveriesInStreamOrder1735100000000 } from './migrations/1735100000000-deliveries-in-stream-order.migration';
import { AddAutomationNotifySetting1735200000000 } from './migrations/1735200000000-add-automation-notify-setting.migration';

export const INTEGRATIONS_SERVICE: ServiceDefinition = {
  name: 'integrations',
  rootModule: IntegrationsModule,
  // Repositories use SQL directly (row locks with SKIP LOCKED, ordering checks); no TypeORM entities.
  entities: [],
  migrations: [
    CreateIntegrationsSchema1733300000000,
    CreateNotificationTables1733350000000,
    DeliveryLogRetention1734900000000,
    CreateAuditEntries1735000000000,
    DeliveriesInStreamOrder1735100000000,
    AddAutomationNotifySetting1735200000000,
  ],
};
