import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { RequestContext, RoutingDecisionView } from '@warden/contracts';
import { ContactLookup } from '../read-models/contact.lookup';
import { InquiryRouter } from '../routing/inquiry.router';

/** The dry run: what routing would decide for a new message of this client right now. Nothing is written. */
export class PreviewRoutingQuery extends Query<RoutingDecisionView> {
  constructor(
    readonly ctx: RequestContext,
    readonly contactId: string,
  ) {
    super();
  }
}

@QueryHandler(PreviewRoutingQuery)
export class PreviewRoutingHandler implements IQueryHandler<PreviewRoutingQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly router: InquiryRouter,
    private readonly contacts: ContactLookup,
  ) {}

  execute({ ctx, contactId }: PreviewRoutingQuery): Promise<RoutingDecisionView> {
    return this.dataSource.transaction(async (tx) =>
      this.router.preview(tx, ctx.tenantId, await this.contacts.require(tx, ctx, contactId)),
    );
  }
}
