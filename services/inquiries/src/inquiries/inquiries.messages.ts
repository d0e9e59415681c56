import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { Page } from '@warden/kernel';
import type { InquiryDetailsView, InquiryView, ReceivedInquiryView, RoutingDecisionView } from '@warden/contracts';
import { CloseInquiryCommand } from './close-inquiry.handler';
import { GetInquiryQuery } from './get-inquiry.handler';
import { ListInquiriesQuery } from './list-inquiries.handler';
import { PreviewRoutingQuery } from './preview-routing.handler';
import { ReassignInquiryCommand } from './reassign-inquiry.handler';
import { ReceiveInquiryCommand } from './receive-inquiry.handler';

/**
 * Client inquiries: each message becomes one command or query for its handler (`*.handler.ts` beside this file).
 * Who may see, reassign and close an inquiry is decided by the permissions service's `inquiry` rule before a call
 * comes here; the handlers check the inquiry's state and the data they are given.
 */
@Controller()
export class InquiriesMessages {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @RpcHandler('inquiries.inquiries.receive')
  receive(@Payload() message: RpcMessage<'inquiries.inquiries.receive'>): Promise<ReceivedInquiryView> {
    return this.commands.execute(new ReceiveInquiryCommand(message.ctx, message.data.viewer, message.data));
  }

  @RpcHandler('inquiries.inquiries.list')
  list(@Payload() message: RpcMessage<'inquiries.inquiries.list'>): Promise<Page<InquiryView>> {
    const { scope, ...query } = message.data;
    return this.queries.execute(new ListInquiriesQuery(message.ctx.tenantId, scope, query));
  }

  @RpcHandler('inquiries.inquiries.get')
  get(@Payload() message: RpcMessage<'inquiries.inquiries.get'>): Promise<InquiryDetailsView> {
    return this.queries.execute(new GetInquiryQuery(message.ctx.tenantId, message.data.viewer, message.data.inquiryId));
  }

  @RpcHandler('inquiries.inquiries.reassign')
  reassign(@Payload() message: RpcMessage<'inquiries.inquiries.reassign'>): Promise<InquiryView> {
    return this.commands.execute(
      new ReassignInquiryCommand(message.ctx, message.data.viewer, message.data.inquiryId, message.data.assigneeId, message.data.branch),
    );
  }

  @RpcHandler('inquiries.inquiries.close')
  close(@Payload() message: RpcMessage<'inquiries.inquiries.close'>): Promise<InquiryView> {
    return this.commands.execute(new CloseInquiryCommand(message.ctx, message.data.viewer, message.data.inquiryId));
  }

  @RpcHandler('inquiries.routing.preview')
  preview(@Payload() message: RpcMessage<'inquiries.routing.preview'>): Promise<RoutingDecisionView> {
    return this.queries.execute(new PreviewRoutingQuery(message.ctx, message.data.contactId));
  }
}
