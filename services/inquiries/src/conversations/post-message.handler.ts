import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { newId } from '@warden/kernel';
import { MessagePostedV1 } from '@warden/contracts';
import type { ChatCaller, MessageView, OutgoingEvent, RequestContext } from '@warden/contracts';
import { RoutingRepository } from '../routing/routing.repository';
import { ChatErrors } from '../shared/chat.errors';
import { ChatScopeReader } from './chat-scope.reader';
import { assertKindEnabled, existingConversation } from './conversation.check';
import { ConversationRepository } from './conversation.repository';

/** `text` comes trimmed, not blank and not too long (PostMessageRequest in libs/contracts/src/rpc/inquiries.rpc.ts). */
export class PostMessageCommand extends Command<MessageView> {
  constructor(
    readonly ctx: RequestContext,
    readonly viewer: ChatCaller,
    readonly conversationId: string,
    readonly text: string,
  ) {
    super();
  }
}

/**
 * A message in a conversation of any kind: refused in a switched-off kind and in a closed inquiry. Who may post is
 * decided by the permissions service (`conversation.post`) before a call comes here.
 */
@CommandHandler(PostMessageCommand)
export class PostMessageHandler implements ICommandHandler<PostMessageCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly conversations: ConversationRepository,
    private readonly scope: ChatScopeReader,
    private readonly settings: RoutingRepository,
    private readonly events: EventBus<OutgoingEvent>,
  ) {}

  async execute({ ctx, viewer, conversationId, text }: PostMessageCommand): Promise<MessageView> {
    const tenantId = ctx.tenantId;
    return this.dataSource.transaction(async (tx) => {
      const conversation = await existingConversation(this.conversations, tx, tenantId, conversationId, true);
      await assertKindEnabled(this.settings, tx, tenantId, conversation.kind);
      if (conversation.kind === 'inquiry') {
        const status: Array<{ status: string }> = await tx.query(`SELECT status FROM inquiries WHERE tenant_id = $1 AND id = $2`, [
          tenantId,
          conversation.id,
        ]);
        if (status[0]?.status === 'closed') throw ChatErrors.inquiryClosed();
      }
      const contactId = await this.scope.contactOf(tx, tenantId, viewer);
      // The `conversation` rule let a client in through its contact; without one it could not have.
      if (viewer.kind === 'contact' && !contactId) throw ChatErrors.conversationNotFound();
      const author = contactId ? { id: contactId, kind: 'contact' as const } : { id: viewer.personId, kind: 'employee' as const };
      const now = new Date();
      const message = await this.conversations.addMessage(tx, tenantId, {
        id: newId(now.getTime()),
        conversationId: conversation.id,
        authorId: author.id,
        authorKind: author.kind,
        text,
        at: now,
      });
      const posted: OutgoingEvent<MessagePostedV1> = {
        contract: MessagePostedV1,
        tenantId,
        subject: message.id,
        data: {
          messageId: message.id,
          conversationId: conversation.id,
          conversationKind: conversation.kind,
          authorId: author.id,
          authorKind: author.kind,
          text,
          audience: await this.scope.audience(tx, tenantId, conversation),
          at: message.createdAt,
        },
      };
      await this.events.publish(posted, tx);
      return message;
    });
  }
}
