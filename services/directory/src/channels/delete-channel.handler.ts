import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { OutgoingEvent, RequestContext } from '@warden/contracts';
import { AuditRecorder, resourceValues } from '@warden/messaging';
import { ChannelErrors } from './channel.errors';
import { channelDeleted } from './channel.events';
import { writeChannel } from './channel.record';
import { ChannelRepository } from './channel.repository';

export class DeleteChannelCommand extends Command<{ deleted: true }> {
  constructor(
    readonly ctx: RequestContext,
    readonly channelId: string,
  ) {
    super();
  }
}

/** Refused once the channel has received messages (CHANNEL.IN_USE, from the foreign keys). */
@CommandHandler(DeleteChannelCommand)
export class DeleteChannelHandler implements ICommandHandler<DeleteChannelCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly channels: ChannelRepository,
    private readonly events: EventBus<OutgoingEvent>,
    private readonly audit: AuditRecorder,
  ) {}

  async execute({ ctx, channelId }: DeleteChannelCommand): Promise<{ deleted: true }> {
    return writeChannel(this.dataSource.manager, async (manager) => {
      const current = await this.channels.find(manager, ctx.tenantId, channelId, true);
      if (!current) throw ChannelErrors.notFound();
      await this.channels.delete(manager, ctx.tenantId, channelId);
      await this.events.publish(channelDeleted(ctx.tenantId, channelId), manager);
      await this.audit.record(manager, ctx.tenantId, {
        action: 'channel.deleted',
        resource: { type: 'channel', id: channelId },
        before: resourceValues(current),
        after: null,
      });
      return { deleted: true as const };
    });
  }
}
