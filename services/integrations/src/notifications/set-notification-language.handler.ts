import { Command, CommandHandler, QueryBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { NotificationLanguage, NotificationTemplatesView } from '@warden/contracts';
import { ListNotificationTemplatesQuery } from './list-notification-templates.handler';
import { NotificationReadModelRepository } from './notification-read-model.repository';

export class SetNotificationLanguageCommand extends Command<NotificationTemplatesView> {
  constructor(
    readonly tenantId: string,
    readonly language: NotificationLanguage,
  ) {
    super();
  }
}

/** The language the tenant's notifications go out in; answers with the templates as they now read (ListNotificationTemplatesQuery). */
@CommandHandler(SetNotificationLanguageCommand)
export class SetNotificationLanguageHandler implements ICommandHandler<SetNotificationLanguageCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly readModel: NotificationReadModelRepository,
    private readonly queries: QueryBus,
  ) {}

  async execute({ tenantId, language }: SetNotificationLanguageCommand): Promise<NotificationTemplatesView> {
    await this.readModel.setLanguage(this.dataSource.manager, tenantId, language);
    return this.queries.execute(new ListNotificationTemplatesQuery(tenantId));
  }
}
