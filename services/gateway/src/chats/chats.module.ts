import { Module } from '@nestjs/common';
import { ChatAccessService } from './chat-access.service';
import { ConversationsController } from './conversations.controller';

/** Conversations and messages, served by the inquiries service. */
@Module({ controllers: [ConversationsController], providers: [ChatAccessService], exports: [ChatAccessService] })
export class ChatsModule {}
