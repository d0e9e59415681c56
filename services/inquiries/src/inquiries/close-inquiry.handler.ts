import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { InquiryClosedV1 } from '@warden/contracts';
import type { ChatCaller, InquiryView, OutgoingEvent, RequestContext } from '@warden/contracts';
import { ChatScopeReader } from '../conversations/chat-scope.reader';
import { InquiryRouter } from '../routing/inquiry.router';
import { RoutingRepository } from '../routing/routing.repository';
import { ChatErrors } from '../shared/chat.errors';
import { lockTenantRouting } from '../shared/tenant-lock';
import { existingInquiry, inquiryTarget } from './inquiry.check';
import { InquiryRepository, toInquiryView } from './inquiry.repository';

export class CloseInquiryCommand extends Command<InquiryView> {
  constructor(
    readonly ctx: RequestContext,
    readonly viewer: ChatCaller,
    readonly inquiryId: string,
  ) {
    super();
  }
}

/**
 * Never a closed one; the assignee's load goes down, so the queue is drained. Who may close is decided by the
 * permissions service's `inquiry` rule before a call comes here.
 */
@CommandHandler(CloseInquiryCommand)
export class CloseInquiryHandler implements ICommandHandler<CloseInquiryCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly inquiries: InquiryRepository,
    private readonly router: InquiryRouter,
    private readonly load: RoutingRepository,
    private readonly scope: ChatScopeReader,
    private readonly events: EventBus<OutgoingEvent>,
  ) {}

  async execute({ ctx, viewer, inquiryId }: CloseInquiryCommand): Promise<InquiryView> {
    const tenantId = ctx.tenantId;
    return this.dataSource.transaction(async (tx) => {
      await lockTenantRouting(tx, tenantId);
      const inquiry = await existingInquiry(this.inquiries, tx, tenantId, inquiryId, true);
      if (inquiry.status === 'closed') throw ChatErrors.inquiryClosed();
      const now = new Date();
      await this.inquiries.close(tx, tenantId, inquiry.id, now);
      if (inquiry.status === 'assigned' && inquiry.assigneeId) {
        await this.load.recordRelease(tx, tenantId, inquiry.assigneeId);
      }
      const closed: OutgoingEvent<InquiryClosedV1> = {
        contract: InquiryClosedV1,
        tenantId,
        subject: inquiry.id,
        data: {
          inquiryId: inquiry.id,
          contactId: inquiry.contactId,
          assigneeId: inquiry.assigneeId,
          closedBy: viewer.personId,
          audience: await this.scope.audience(tx, tenantId, inquiryTarget(inquiry)),
          at: now.toISOString(),
        },
      };
      await this.events.publish(closed, tx);
      await this.router.drain(tx, tenantId);
      return toInquiryView((await this.inquiries.get(tx, tenantId, inquiry.id))!);
    });
  }
}
