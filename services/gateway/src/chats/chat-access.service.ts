import { Injectable } from '@nestjs/common';
import { BusClient } from '@warden/messaging';
import type { AppliedDecision, ChatCaller, Decision, InquiryScope, RequestContext, ResourceAction } from '@warden/contracts';
import { AccessService } from '../access/access.service';
import type { Principal } from '../auth/principal';

type ConversationAction = Extract<ResourceAction, `conversation.${string}`>;
type InquiryAction = Extract<ResourceAction, `inquiry.${string}`>;

const HIDDEN = {
  conversation: { code: 'CONVERSATION.NOT_FOUND', what: 'The conversation', codes: ['CONVERSATION.NOT_VISIBLE', 'CONVERSATION.NOT_FOUND'] },
  inquiry: { code: 'INQUIRY.NOT_FOUND', what: 'The inquiry', codes: ['INQUIRY.NOT_VISIBLE', 'INQUIRY.NOT_FOUND'] },
} as const;

/**
 * Chats and inquiries behind the permissions service, on the path orders and tasks take: its
 * `conversation` and `inquiry` rules decide every read, post, close and reassignment before the
 * inquiries service is called. One the caller does not see answers 404, as if it did not exist;
 * seeing it but not allowed the action is 403 with the rule's code and reason. Decisions are not
 * cached: the facts (an inquiry's assignee, an employee's branches) change without a policy change.
 */
@Injectable()
export class ChatAccessService {
  constructor(
    private readonly access: AccessService,
    private readonly bus: BusClient,
  ) {}

  caller(principal: Principal): ChatCaller {
    return { personId: principal.personId, kind: principal.kind };
  }

  /**
   * May the caller start a chat of this kind with these people (the `conversation` rule's
   * `conversation.start`: `chats.internal` for employees, classmates only for a client, the kind switched on).
   */
  requireStart(
    principal: Principal,
    ctx: RequestContext,
    start: { kind: string; employeeIds: readonly string[]; contactIds: readonly string[] },
  ): Promise<Decision> {
    // Resource attributes are scalars: the people named go comma-separated.
    const resource = {
      type: 'conversation',
      kind: start.kind,
      employeeIds: start.employeeIds.join(','),
      contactIds: start.contactIds.join(','),
    };
    return this.access.require(principal, ctx, 'conversation.start', resource, undefined, { fresh: true });
  }

  requireConversation(principal: Principal, ctx: RequestContext, action: ConversationAction, conversationId: string): Promise<Decision> {
    return this.access.require(principal, ctx, action, { type: 'conversation', conversationId }, HIDDEN.conversation, { fresh: true });
  }

  requireInquiry(principal: Principal, ctx: RequestContext, action: InquiryAction, inquiryId: string): Promise<Decision> {
    return this.access.require(principal, ctx, action, { type: 'inquiry', inquiryId }, HIDDEN.inquiry, { fresh: true });
  }

  /** May the caller reassign the inquiry to this employee, as far as branches go; applied by the inquiries service after its own checks. */
  async assignBranch(principal: Principal, ctx: RequestContext, inquiryId: string, assigneeId: string): Promise<AppliedDecision> {
    const { allowed, code, reason } = await this.access.decide(
      principal,
      ctx,
      'inquiry.assign-branch',
      { type: 'inquiry', inquiryId, assigneeId },
      { fresh: true },
    );
    return { allowed, code, reason };
  }

  /** Which inquiries the caller sees, as a filter the inquiries service puts into its list's SQL. */
  async inquiryScope(principal: Principal, ctx: RequestContext): Promise<InquiryScope> {
    const { assigneeId, contactId, adminBranches } = await this.bus.request('permissions.inquiries.visibility-scope', ctx, {
      personId: principal.personId,
    });
    return { assigneeId, contactId, adminBranches };
  }
}
