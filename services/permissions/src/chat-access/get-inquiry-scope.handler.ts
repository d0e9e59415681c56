import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import type { InquiryScope } from '@warden/contracts';
import { ChatAccessEvaluator } from './chat-access.evaluator';

/** The inquiry list's filter, by the `inquiry` rule itself (chat-access.evaluator.ts). */
export class GetInquiryScopeQuery extends Query<InquiryScope & { policyVersion: number }> {
  constructor(
    readonly tenantId: string,
    readonly personId: string,
  ) {
    super();
  }
}

@QueryHandler(GetInquiryScopeQuery)
export class GetInquiryScopeHandler implements IQueryHandler<GetInquiryScopeQuery> {
  constructor(private readonly chats: ChatAccessEvaluator) {}

  execute({ tenantId, personId }: GetInquiryScopeQuery): Promise<InquiryScope & { policyVersion: number }> {
    return this.chats.inquiryScope(tenantId, personId);
  }
}
