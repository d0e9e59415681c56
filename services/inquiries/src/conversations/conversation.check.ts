import type { EntityManager } from 'typeorm';
import type { ChatCaller, ConversationKind } from '@warden/contracts';
import type { RoutingRepository } from '../routing/routing.repository';
import { ChatErrors } from '../shared/chat.errors';
import type { ChatScopeReader } from './chat-scope.reader';
import type { ConversationRecord, ConversationRepository } from './conversation.repository';

/** The conversation of the tenant, or CONVERSATION.NOT_FOUND; `lock` holds its row until the transaction ends. */
export async function existingConversation(
  conversations: ConversationRepository,
  manager: EntityManager,
  tenantId: string,
  conversationId: string,
  lock = false,
): Promise<ConversationRecord> {
  const conversation = await conversations.get(manager, tenantId, conversationId, lock);
  if (!conversation) throw ChatErrors.conversationNotFound();
  return conversation;
}

/** Whose read marks and participations count: an employee's person id, a client's contact id. */
export function readerOf(scope: ChatScopeReader, manager: EntityManager, tenantId: string, viewer: ChatCaller): Promise<string | null> {
  return viewer.kind === 'contact' ? scope.contactOf(manager, tenantId, viewer) : Promise.resolve(viewer.personId);
}

/** A kind the tenant switched off refuses new conversations and new messages, with the reason; internal chats are always on. */
export async function assertKindEnabled(
  settings: RoutingRepository,
  manager: EntityManager,
  tenantId: string,
  kind: ConversationKind,
): Promise<void> {
  if (kind === 'internal') return;
  const current = await settings.settings(manager, tenantId);
  if (kind === 'client_employee' && !current.clientEmployeeChats) throw ChatErrors.kindDisabled('Client ↔ employee');
  if (kind === 'client_group' && !current.clientGroupChats) throw ChatErrors.kindDisabled('Client group');
  if (kind === 'inquiry' && !current.inquiries) throw ChatErrors.inquiriesDisabled();
}
