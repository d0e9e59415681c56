import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { decodeCursor } from '@warden/kernel';
import type { Page } from '@warden/kernel';
import type { NotificationStatus, NotificationView } from '@warden/contracts';
import { NotificationRepository } from './notification.repository';

export class ListNotificationsQuery extends Query<Page<NotificationView>> {
  constructor(
    readonly tenantId: string,
    readonly query: { recipientId?: string; status?: NotificationStatus; cursor?: string; limit?: number },
  ) {
    super();
  }
}

/** The tenant's notification log, newest first. */
@QueryHandler(ListNotificationsQuery)
export class ListNotificationsHandler implements IQueryHandler<ListNotificationsQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationRepository,
  ) {}

  execute({ tenantId, query }: ListNotificationsQuery): Promise<Page<NotificationView>> {
    return this.notifications.page(this.dataSource.manager, tenantId, {
      recipientId: query.recipientId,
      status: query.status,
      after: decodeCursor(query.cursor),
      limit: query.limit ?? 50,
    });
  }
}
