import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { NotificationSettingsView } from '@warden/contracts';
import { NotificationSettingsRepository } from './notification-settings.repository';

export class GetNotificationSettingsQuery extends Query<NotificationSettingsView> {
  constructor(
    readonly tenantId: string,
    readonly personId: string,
  ) {
    super();
  }
}

/** An employee's choice of notification kinds. */
@QueryHandler(GetNotificationSettingsQuery)
export class GetNotificationSettingsHandler implements IQueryHandler<GetNotificationSettingsQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: NotificationSettingsRepository,
  ) {}

  execute({ tenantId, personId }: GetNotificationSettingsQuery): Promise<NotificationSettingsView> {
    return this.settings.get(this.dataSource.manager, tenantId, personId);
  }
}
