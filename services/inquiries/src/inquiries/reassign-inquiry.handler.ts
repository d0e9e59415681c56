import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { DomainError } from '@warden/kernel';
import { InquiryReassignedV1 } from '@warden/contracts';
import type { AppliedDecision, ChatCaller, InquiryView, OutgoingEvent, RequestContext } from '@warden/contracts';
import { ChatScopeReader } from '../conversations/chat-scope.reader';
import { ReadModelRepository } from '../read-models/read-model.repository';
import { InquiryRouter } from '../routing/inquiry.router';
import { RoutingRepository } from '../routing/routing.repository';
import { ChatErrors } from '../shared/chat.errors';
import { lockTenantRouting } from '../shared/tenant-lock';
import { existingInquiry, inquiryTarget } from './inquiry.check';
import { InquiryRepository, toInquiryView } from './inquiry.repository';

/**
 * `branch` is the permissions service's `inquiry.assign-branch` decision for this assignee: applied once the
 * inquiry is open and the assignee is an assignable employee, so those answers (409, 422) come first.
 */
export class ReassignInquiryCommand extends Command<InquiryView> {
  constructor(
    readonly ctx: RequestContext,
    readonly viewer: ChatCaller,
    readonly inquiryId: string,
    readonly assigneeId: string,
    readonly branch: AppliedDecision,
  ) {
    super();
  }
}

/**
 * Who may reassign is decided by the permissions service's `inquiry` rule before a call comes here; this handler
 * checks the inquiry's state and the assignee, under the tenant's routing lock.
 */
@CommandHandler(ReassignInquiryCommand)
export class ReassignInquiryHandler implements ICommandHandler<ReassignInquiryCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly inquiries: InquiryRepository,
    private readonly router: InquiryRouter,
    private readonly load: RoutingRepository,
    private readonly scope: ChatScopeReader,
    private readonly readModels: ReadModelRepository,
    private readonly events: EventBus<OutgoingEvent>,
  ) {}

  async execute({ ctx, viewer, inquiryId, assigneeId, branch }: ReassignInquiryCommand): Promise<InquiryView> {
    const tenantId = ctx.tenantId;
    return this.dataSource.transaction(async (tx) => {
      await lockTenantRouting(tx, tenantId);
      const inquiry = await existingInquiry(this.inquiries, tx, tenantId, inquiryId, true);
      if (inquiry.status === 'closed') throw ChatErrors.inquiryClosed();
      const target = await this.scope.employee(tx, tenantId, assigneeId);
      if (!target) throw ChatErrors.assigneeUnknown();
      if (!(await this.readModels.holds(tx, tenantId, assigneeId, 'inquiries.assignable')))
        throw ChatErrors.assigneeNotAssignable(target.name);
      if (!branch.allowed) throw DomainError.refusal(branch);
      if (inquiry.status === 'assigned' && inquiry.assigneeId === assigneeId) return toInquiryView(inquiry);
      const now = new Date();
      const previous = inquiry.status === 'assigned' ? inquiry.assigneeId : null;
      if (previous) await this.load.recordRelease(tx, tenantId, previous);
      await this.inquiries.assign(tx, tenantId, inquiry.id, assigneeId, now);
      await this.load.recordAssignment(tx, tenantId, assigneeId, now);
      const updated = (await this.inquiries.get(tx, tenantId, inquiry.id))!;
      const reassigned: OutgoingEvent<InquiryReassignedV1> = {
        contract: InquiryReassignedV1,
        tenantId,
        subject: inquiry.id,
        data: {
          inquiryId: inquiry.id,
          contactId: inquiry.contactId,
          branchId: inquiry.branchId,
          fromAssigneeId: previous,
          toAssigneeId: assigneeId,
          byPersonId: viewer.personId,
          audience: await this.scope.audience(tx, tenantId, inquiryTarget(updated), [previous]),
          at: now.toISOString(),
        },
      };
      await this.events.publish(reassigned, tx);
      // The previous assignee has one inquiry less: a waiting one may be routed to it now.
      await this.router.drain(tx, tenantId);
      return toInquiryView(updated);
    });
  }
}
