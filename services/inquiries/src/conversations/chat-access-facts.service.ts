import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isUuid } from '@warden/kernel';
import type { ChatAccessFacts, PersonKind } from '@warden/contracts';
import { ChatScopeService } from './chat-scope.service';
import { ConversationRepository } from './conversation.repository';

/**
 * The facts the permissions service's `conversation` and `inquiry` rules decide on, read at decision
 * time: the conversation (kind, branch, participants, an inquiry's assignee), the asking person's
 * contact or branches and, for a reassignment, the assignee's branches. No decision is made here.
 */
@Injectable()
export class ChatAccessFactsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly conversations: ConversationRepository,
    private readonly scope: ChatScopeService,
  ) {}

  async facts(tenantId: string, data: { personId: string; kind: PersonKind; conversationId?: string; assigneeId?: string }): Promise<ChatAccessFacts> {
    const manager = this.dataSource.manager;
    const [record, person, assignee] = await Promise.all([
      data.conversationId !== undefined && isUuid(data.conversationId) ? this.conversations.get(manager, tenantId, data.conversationId) : Promise.resolve(null),
      this.scope.personFacts(manager, tenantId, { personId: data.personId, kind: data.kind }),
      data.assigneeId === undefined ? Promise.resolve(undefined) : this.scope.employee(manager, tenantId, data.assigneeId),
    ]);
    const conversation = record
      ? { id: record.id, kind: record.kind, branchId: record.branchId, participants: record.participants, assigneeId: record.assigneeId }
      : null;
    return { conversation, person, ...(assignee === undefined ? {} : { assignee }) };
  }
}
