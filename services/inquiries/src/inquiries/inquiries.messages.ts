import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { Page } from '@warden/kernel';
import type { InquiryDetailsView, InquiryView, ReceivedInquiryView, RoutingDecisionView } from '@warden/contracts';
import { InquiriesService } from './inquiries.service';

@Controller()
export class InquiriesMessages {
  constructor(private readonly inquiries: InquiriesService) {}

  @RpcHandler('inquiries.inquiries.receive')
  receive(@Payload() message: RpcMessage<'inquiries.inquiries.receive'>): Promise<ReceivedInquiryView> {
    return this.inquiries.receive(message.ctx, message.data.viewer, message.data);
  }

  @RpcHandler('inquiries.inquiries.list')
  list(@Payload() message: RpcMessage<'inquiries.inquiries.list'>): Promise<Page<InquiryView>> {
    const { scope, ...query } = message.data;
    return this.inquiries.list(message.ctx, scope, query);
  }

  @RpcHandler('inquiries.inquiries.get')
  get(@Payload() message: RpcMessage<'inquiries.inquiries.get'>): Promise<InquiryDetailsView> {
    return this.inquiries.get(message.ctx, message.data.viewer, message.data.inquiryId);
  }

  @RpcHandler('inquiries.inquiries.reassign')
  reassign(@Payload() message: RpcMessage<'inquiries.inquiries.reassign'>): Promise<InquiryView> {
    return this.inquiries.reassign(message.ctx, message.data.viewer, message.data.inquiryId, message.data.assigneeId, message.data.branch);
  }

  @RpcHandler('inquiries.inquiries.close')
  close(@Payload() message: RpcMessage<'inquiries.inquiries.close'>): Promise<InquiryView> {
    return this.inquiries.close(message.ctx, message.data.viewer, message.data.inquiryId);
  }

  @RpcHandler('inquiries.routing.preview')
  preview(@Payload() message: RpcMessage<'inquiries.routing.preview'>): Promise<RoutingDecisionView> {
    return this.inquiries.preview(message.ctx, message.data.contactId);
  }
}
