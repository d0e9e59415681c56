import type { Type } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { MeModule } from './me/me.module';
import { StaffModule } from './staff/staff.module';
import { TenantsModule } from './tenants/tenants.module';
import { GroupsModule } from './groups/groups.module';
import { PermissionsModule } from './permissions/permissions.module';
import { WorkflowsModule } from './workflows/workflows.module';
import { OrdersModule } from './orders/orders.module';
import { StatusAccessModule } from './status-access/status-access.module';
import { DirectoryModule } from './directory/directory.module';
import { TasksModule } from './tasks/tasks.module';
import { ProjectsModule } from './projects/projects.module';
import { TemplatesModule } from './templates/templates.module';
import { ChatsModule } from './chats/chats.module';
import { InquiriesModule } from './inquiries/inquiries.module';
import { RealtimeModule } from './realtime/realtime.module';
import { BenchModule } from './bench/bench.module';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { AuditModule } from './audit/audit.module';
import { NotificationsModule } from './notifications/notifications.module';
import { AutomationsModule } from './automations/automations.module';

/** The HTTP feature modules of the gateway, one per area of the API. */
export const FEATURE_MODULES: Type<unknown>[] = [
  TenantsModule,
  AuthModule,
  StaffModule,
  MeModule,
  GroupsModule,
  PermissionsModule,
  WorkflowsModule,
  OrdersModule,
  StatusAccessModule,
  DirectoryModule,
  ChatsModule,
  InquiriesModule,
  RealtimeModule,
  TasksModule,
  ProjectsModule,
  TemplatesModule,
  WebhooksModule,
  AuditModule,
  NotificationsModule,
  AutomationsModule,
  IdempotencyModule,
  ...(process.env.BENCH_ROUTES === 'on' && process.env.NODE_ENV !== 'production' ? [BenchModule] : []), // `npm run bench` only: unprotected baselines
];
