import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { ChatCaller, InquiryDetailsView, RoutingDecisionView } from '@warden/contracts';
import { RoutingRepository } from '../routing/routing.repository';
import { existingInquiry } from './inquiry.check';
import { InquiryRepository, toInquiryView } from './inquiry.repository';

export class GetInquiryQuery extends Query<InquiryDetailsView> {
  constructor(
    readonly tenantId: string,
    readonly viewer: ChatCaller,
    readonly inquiryId: string,
  ) {
    super();
  }
}

/** An inquiry with its routing decisions; a client sees none of them. */
@QueryHandler(GetInquiryQuery)
export class GetInquiryHandler implements IQueryHandler<GetInquiryQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly inquiries: InquiryRepository,
    private readonly routing: RoutingRepository,
  ) {}

  async execute({ tenantId, viewer, inquiryId }: GetInquiryQuery): Promise<InquiryDetailsView> {
    const manager = this.dataSource.manager;
    const inquiry = await existingInquiry(this.inquiries, manager, tenantId, inquiryId);
    const decisions: RoutingDecisionView[] = viewer.kind === 'employee' ? await this.routing.decisions(manager, tenantId, inquiry.id) : [];
    return { ...toInquiryView(inquiry), decisions };
  }
}
