import type { ServiceDefinition } from '@warden/service-kit';
import { WorkflowModule } from './workflow.module';
import { CreateWorkflowSchema1732400000000 } from './migrations/1732400000000-create-workflow-schema.migration';

export const WORKFLOW_SERVICE: ServiceDefinition = {
  name: 'workflow',
  rootModule: WorkflowModule,
  entities: [],
  migrations: [CreateWorkflowSchema1732400000000],
};
