import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { chatKinds } from '@warden/contracts';
import type { ChatAccessFacts, ChatAccessFactsRequest } from '@warden/contracts';
import { RoutingRepository } from '../routing/routing.repository';
import { ChatScopeReader } from './chat-scope.reader';
import { ConversationRepository } from './conversation.repository';

export class GetChatAccessFactsQuery extends Query<ChatAccessFacts> {
  constructor(
    readonly tenantId: string,
    readonly data: ChatAccessFactsRequest,
  ) {
    super();
  }
}

/**
 * The facts the permissions service's `conversation` and `inquiry` rules decide on, read at decision
 * time: the conversation (kind, branch, participants, an inquiry's assignee), the asking person's
 * contact or branches, for a reassignment the assignee's branches and, for starting a chat, the
 * tenant's chat switches. No decision is made here.
 */
@QueryHandler(GetChatAccessFactsQuery)
export class GetChatAccessFactsHandler implements IQueryHandler<GetChatAccessFactsQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly conversations: ConversationRepository,
    private readonly scope: ChatScopeReader,
    private readonly settings: RoutingRepository,
  ) {}

  async execute({ tenantId, data }: GetChatAccessFactsQuery): Promise<ChatAccessFacts> {
    const manager = this.dataSource.manager;
    const [record, person, assignee, settings] = await Promise.all([
      data.conversationId === undefined ? Promise.resolve(null) : this.conversations.get(manager, tenantId, data.conversationId),
      this.scope.personFacts(manager, tenantId, { personId: data.personId, kind: data.kind }),
      data.assigneeId === undefined ? Promise.resolve(undefined) : this.scope.employee(manager, tenantId, data.assigneeId),
      data.kinds === true ? this.settings.settings(manager, tenantId) : Promise.resolve(undefined),
    ]);
    const conversation = record
      ? { id: record.id, kind: record.kind, branchId: record.branchId, participants: record.participants, assigneeId: record.assigneeId }
      : null;
    return {
      conversation,
      person,
      ...(assignee === undefined ? {} : { assignee }),
      ...(settings === undefined ? {} : { kinds: chatKinds(settings) }),
    };
  }
}
