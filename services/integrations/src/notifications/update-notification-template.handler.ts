import { Command, CommandHandler } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { NotificationTemplateView, RpcRequestData } from '@warden/contracts';
import { NotificationErrors } from './notification.errors';
import { NotificationTemplateRepository } from './notification-template.repository';
import { PLACEHOLDERS } from './notification.templates';
import { placeholdersOf } from './template.renderer';

export class UpdateNotificationTemplateCommand extends Command<NotificationTemplateView> {
  constructor(
    readonly tenantId: string,
    readonly input: RpcRequestData<'integrations.notification-templates.update'>,
  ) {
    super();
  }
}

/** The tenant's own template of one kind and language; only the kind's placeholders may appear in it. */
@CommandHandler(UpdateNotificationTemplateCommand)
export class UpdateNotificationTemplateHandler implements ICommandHandler<UpdateNotificationTemplateCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly templates: NotificationTemplateRepository,
  ) {}

  async execute({ tenantId, input }: UpdateNotificationTemplateCommand): Promise<NotificationTemplateView> {
    for (const field of ['subject', 'text', 'html'] as const) {
      const unknown = placeholdersOf(input[field]).find((name) => !PLACEHOLDERS[input.kind].includes(name));
      if (unknown) throw NotificationErrors.badPlaceholder(field, unknown);
    }
    const template = { kind: input.kind, language: input.language, subject: input.subject, text: input.text, html: input.html };
    await this.templates.save(this.dataSource.manager, tenantId, template);
    return { ...template, custom: true };
  }
}
