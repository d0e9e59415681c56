import { Command, CommandHandler } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { NotificationSettingsView } from '@warden/contracts';
import { NotificationSettingsRepository } from './notification-settings.repository';

export class UpdateNotificationSettingsCommand extends Command<NotificationSettingsView> {
  constructor(
    readonly tenantId: string,
    readonly personId: string,
    readonly changes: Partial<NotificationSettingsView>,
  ) {
    super();
  }
}

@CommandHandler(UpdateNotificationSettingsCommand)
export class UpdateNotificationSettingsHandler implements ICommandHandler<UpdateNotificationSettingsCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: NotificationSettingsRepository,
  ) {}

  execute({ tenantId, personId, changes }: UpdateNotificationSettingsCommand): Promise<NotificationSettingsView> {
    return this.settings.update(this.dataSource.manager, tenantId, personId, changes);
  }
}
