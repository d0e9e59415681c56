import { Command, CommandHandler } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { BusClient } from '@warden/messaging';
import { NotificationErrors } from './notification.errors';
import { EMPLOYEE_SETTING_OF, NotificationSettingsRepository } from './notification-settings.repository';
import { UnsubscribeToken } from './unsubscribe.token';

/** The signed token of an unsubscribe link says whose notifications and which kind (unsubscribe.token.ts). */
export class UnsubscribeCommand extends Command<{ unsubscribed: true }> {
  constructor(readonly token: string) {
    super();
  }
}

/**
 * A contact's link turns its notifications flag off in the directory, which owns it (the directory's event then
 * updates the read model here); an employee's link turns that one kind off in its own settings.
 */
@CommandHandler(UnsubscribeCommand)
export class UnsubscribeHandler implements ICommandHandler<UnsubscribeCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: NotificationSettingsRepository,
    private readonly tokens: UnsubscribeToken,
    private readonly bus: BusClient,
  ) {}

  async execute({ token }: UnsubscribeCommand): Promise<{ unsubscribed: true }> {
    const target = this.tokens.verify(token);
    if (!target) throw NotificationErrors.badToken();
    if (target.scope === 'all') {
      const ctx = { tenantId: target.tenantId, actorId: null, requestId: randomUUID() };
      await this.bus.request('directory.contacts.update', ctx, { contactId: target.personId, changes: { notifications: false } });
      return { unsubscribed: true };
    }
    const setting = EMPLOYEE_SETTING_OF[target.scope];
    if (setting) await this.settings.update(this.dataSource.manager, target.tenantId, target.personId, { [setting]: false });
    return { unsubscribed: true };
  }
}
