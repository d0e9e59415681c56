import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { ChannelInput, ChannelView, OutgoingEvent, RequestContext } from '@warden/contracts';
import { newId } from '@warden/kernel';
import { AuditRecorder, resourceValues } from '@warden/messaging';
import { DepartmentRepository } from '../departments/department.repository';
import { channelCreated } from './channel.events';
import { channelRecord, requireDepartment, writeChannel } from './channel.record';
import { ChannelRepository } from './channel.repository';

export class CreateChannelCommand extends Command<ChannelView> {
  constructor(
    readonly ctx: RequestContext,
    readonly input: ChannelInput,
  ) {
    super();
  }
}

/** A channel delivers to a department of the tenant. */
@CommandHandler(CreateChannelCommand)
export class CreateChannelHandler implements ICommandHandler<CreateChannelCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly channels: ChannelRepository,
    private readonly departments: DepartmentRepository,
    private readonly events: EventBus<OutgoingEvent>,
    private readonly audit: AuditRecorder,
  ) {}

  async execute({ ctx, input }: CreateChannelCommand): Promise<ChannelView> {
    const record = channelRecord(newId(), input);
    return writeChannel(this.dataSource.manager, async (manager) => {
      await requireDepartment(this.departments, manager, ctx.tenantId, record.departmentId);
      const channel = await this.channels.insert(manager, ctx.tenantId, record);
      await this.events.publish(channelCreated(ctx.tenantId, channel), manager);
      await this.audit.record(manager, ctx.tenantId, {
        action: 'channel.created',
        resource: { type: 'channel', id: channel.id },
        before: null,
        after: resourceValues(channel),
      });
      return channel;
    });
  }
}
