import { Module } from '@nestjs/common';
import { ChatViewerFactory } from './chat-viewer.factory';
import { ConversationsController } from './conversations.controller';

/** Conversations and messages, served by the inquiries service. */
@Module({ controllers: [ConversationsController], providers: [ChatViewerFactory], exports: [ChatViewerFactory] })
export class ChatsModule {}
