import { Module } from '@nestjs/common';
import { ChatAccessFactsMessages } from './conversations/chat-access-facts.messages';
import { ChatScopeReader } from './conversations/chat-scope.reader';
import { ConversationRepository } from './conversations/conversation.repository';
import { ConversationsMessages } from './conversations/conversations.messages';
import { CreateConversationHandler } from './conversations/create-conversation.handler';
import { GetChatAccessFactsHandler } from './conversations/get-chat-access-facts.handler';
import { GetConversationHandler } from './conversations/get-conversation.handler';
import { ListConversationsHandler } from './conversations/list-conversations.handler';
import { ListMessagesHandler } from './conversations/list-messages.handler';
import { MarkReadHandler } from './conversations/mark-read.handler';
import { PostMessageHandler } from './conversations/post-message.handler';
import { InquiriesMessages } from './inquiries/inquiries.messages';
import { CloseInquiryHandler } from './inquiries/close-inquiry.handler';
import { GetInquiryHandler } from './inquiries/get-inquiry.handler';
import { ListInquiriesHandler } from './inquiries/list-inquiries.handler';
import { PreviewRoutingHandler } from './inquiries/preview-routing.handler';
import { ReassignInquiryHandler } from './inquiries/reassign-inquiry.handler';
import { ReceiveInquiryHandler } from './inquiries/receive-inquiry.handler';
import { InquiryRepository } from './inquiries/inquiry.repository';
import { ContactLookup } from './read-models/contact.lookup';
import { DirectoryEventsConsumer } from './read-models/directory-events.consumer';
import { IdentityEventsConsumer } from './read-models/identity-events.consumer';
import { PermissionsEventsConsumer } from './read-models/permissions-events.consumer';
import { ReadModelRepository } from './read-models/read-model.repository';
import { ReceptionMessages } from './reception/reception.messages';
import { GetChatKindsHandler } from './reception/get-chat-kinds.handler';
import { GetChatSettingsHandler } from './reception/get-chat-settings.handler';
import { GetReceptionHandler } from './reception/get-reception.handler';
import { SetReceptionHandler } from './reception/set-reception.handler';
import { UpdateChatSettingsHandler } from './reception/update-chat-settings.handler';
import { RoutingRepository } from './routing/routing.repository';
import { RosterCache } from './routing/roster.cache';
import { InquiryRouter } from './routing/inquiry.router';
import { RoutingClock } from './routing/routing.clock';

/**
 * Chats and inquiry routing. One module: routing, inquiries, conversations and the read models
 * share their repositories within one transaction each, and splitting them would only add
 * import cycles.
 */
@Module({
  controllers: [ConversationsMessages, InquiriesMessages, ReceptionMessages, ChatAccessFactsMessages],
  providers: [
    ReadModelRepository,
    ContactLookup,
    ChatScopeReader,
    GetChatAccessFactsHandler,
    ConversationRepository,
    InquiryRepository,
    RoutingRepository,
    RosterCache,
    InquiryRouter,
    RoutingClock,
    CreateConversationHandler,
    ListConversationsHandler,
    GetConversationHandler,
    PostMessageHandler,
    ListMessagesHandler,
    MarkReadHandler,
    ReceiveInquiryHandler,
    ListInquiriesHandler,
    GetInquiryHandler,
    ReassignInquiryHandler,
    CloseInquiryHandler,
    PreviewRoutingHandler,
    GetReceptionHandler,
    SetReceptionHandler,
    GetChatSettingsHandler,
    GetChatKindsHandler,
    UpdateChatSettingsHandler,
    IdentityEventsConsumer,
    DirectoryEventsConsumer,
    PermissionsEventsConsumer,
  ],
})
export class InquiriesModule {}
