import { Command, CommandHandler } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { AuditRecorder, resourceValues } from '@warden/messaging';
import type { ChatSettingsChanges, ChatSettingsView, RequestContext } from '@warden/contracts';
import { InquiryRouter } from '../routing/inquiry.router';
import { RoutingRepository } from '../routing/routing.repository';

export class UpdateChatSettingsCommand extends Command<ChatSettingsView> {
  constructor(
    readonly ctx: RequestContext,
    readonly changes: ChatSettingsChanges,
  ) {
    super();
  }
}

/** The tenant's chat switches, each left as it was unless given; switching inquiries on drains the queue. */
@CommandHandler(UpdateChatSettingsCommand)
export class UpdateChatSettingsHandler implements ICommandHandler<UpdateChatSettingsCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: RoutingRepository,
    private readonly router: InquiryRouter,
    private readonly audit: AuditRecorder,
  ) {}

  async execute({ ctx, changes }: UpdateChatSettingsCommand): Promise<ChatSettingsView> {
    return this.dataSource.transaction(async (tx) => {
      const current = await this.settings.settings(tx, ctx.tenantId);
      const next: ChatSettingsView = {
        clientEmployeeChats: changes.clientEmployeeChats ?? current.clientEmployeeChats,
        clientGroupChats: changes.clientGroupChats ?? current.clientGroupChats,
        inquiries: changes.inquiries ?? current.inquiries,
        stickyReleaseMinutes: changes.stickyReleaseMinutes === undefined ? current.stickyReleaseMinutes : changes.stickyReleaseMinutes,
        useWorkSchedules: changes.useWorkSchedules ?? current.useWorkSchedules,
      };
      await this.settings.saveSettings(tx, ctx.tenantId, next);
      // The tenant's one settings record: the resource is the tenant itself.
      await this.audit.record(tx, ctx.tenantId, {
        action: 'chat-settings.updated',
        resource: { type: 'chat-settings', id: ctx.tenantId },
        before: resourceValues(current),
        after: resourceValues(next),
      });
      if (next.inquiries && !current.inquiries) await this.router.drain(tx, ctx.tenantId);
      return next;
    });
  }
}
