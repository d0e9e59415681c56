import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { ChannelChanges, ChannelView, OutgoingEvent, RequestContext } from '@warden/contracts';
import { AuditRecorder, resourceValues } from '@warden/messaging';
import { DepartmentRepository } from '../departments/department.repository';
import { ChannelErrors } from './channel.errors';
import { channelUpdated } from './channel.events';
import { channelRecord, requireDepartment, writeChannel } from './channel.record';
import { ChannelRepository } from './channel.repository';

export class UpdateChannelCommand extends Command<ChannelView> {
  constructor(
    readonly ctx: RequestContext,
    readonly channelId: string,
    readonly changes: ChannelChanges,
  ) {
    super();
  }
}

/** Renamed or moved to another department of the tenant, even after it has received messages. */
@CommandHandler(UpdateChannelCommand)
export class UpdateChannelHandler implements ICommandHandler<UpdateChannelCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly channels: ChannelRepository,
    private readonly departments: DepartmentRepository,
    private readonly events: EventBus<OutgoingEvent>,
    private readonly audit: AuditRecorder,
  ) {}

  async execute({ ctx, channelId, changes }: UpdateChannelCommand): Promise<ChannelView> {
    return writeChannel(this.dataSource.manager, async (manager) => {
      const current = await this.channels.find(manager, ctx.tenantId, channelId, true);
      if (!current) throw ChannelErrors.notFound();
      const record = channelRecord(channelId, { ...current, ...changes });
      if (changes.departmentId !== undefined) await requireDepartment(this.departments, manager, ctx.tenantId, record.departmentId);
      const channel = await this.channels.update(manager, ctx.tenantId, record);
      await this.events.publish(channelUpdated(ctx.tenantId, channel), manager);
      await this.audit.record(manager, ctx.tenantId, {
        action: 'channel.updated',
        resource: { type: 'channel', id: channelId },
        before: resourceValues(current),
        after: resourceValues(channel),
      });
      return channel;
    });
  }
}
