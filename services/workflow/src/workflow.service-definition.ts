import type { ServiceDefinition } from '@warden/service-kit';
import { WorkflowModule } from './workflow.module';
import { CreateWorkflowSchema1732400000000 } from './migrations/1732400000000-create-workflow-schema.migration';
import { CreateWorkflowsAndOrders1732500000000 } from './migrations/1732500000000-create-workflows-and-orders.migration';
import { CreateTasks1733600000000 } from './migrations/1733600000000-create-tasks.migration';
import { CreateOrderComments1734000000000 } from './migrations/1734000000000-create-order-comments.migration';
import { CreateAutomations1735000000000 } from './migrations/1735000000000-create-automations.migration';
import { AddAutomationNotes1735100000000 } from './migrations/1735100000000-add-automation-notes.migration';
import { AddTransferredTrigger1735200000000 } from './migrations/1735200000000-add-transferred-trigger.migration';
import { AddInboundMessageTrigger1735260000000 } from './migrations/1735260000000-add-inbound-message-trigger.migration';
import { AddOrderChannels1735300000000 } from './migrations/1735300000000-add-order-channels.migration';
import { OrderNumberAssignedLast1735400000000 } from './migrations/1735400000000-order-number-assigned-last.migration';
import { AddOrderTags1735500000000 } from './migrations/1735500000000-add-order-tags.migration';
import { AddOrderDepartmentsAndClients1733400000000 } from './migrations/1733400000000-add-order-departments-and-clients.migration';

export const WORKFLOW_SERVICE: ServiceDefinition = {
  name: 'workflow',
  rootModule: WorkflowModule,
  // Repositories use SQL directly (the list query's plan matters); no TypeORM entities to register.
  entities: [],
  migrations: [
    CreateWorkflowSchema1732400000000,
    CreateWorkflowsAndOrders1732500000000,
    AddOrderDepartmentsAndClients1733400000000,
    CreateTasks1733600000000,
    CreateOrderComments1734000000000,
    CreateAutomations1735000000000,
    AddAutomationNotes1735100000000,
    AddTransferredTrigger1735200000000,
    AddInboundMessageTrigger1735260000000,
    AddOrderChannels1735300000000,
    OrderNumberAssignedLast1735400000000,
    AddOrderTags1735500000000,
  ],
};
