import { Module } from '@nestjs/common';
import { CheckModule } from '../check/check.module';
import { OrderAccessModule } from '../order-access/order-access.module';
import { ChatAccessEvaluator } from './chat-access.evaluator';
import { ChatAccessMessages } from './chat-access.messages';
import { ConversationStartEvaluator } from './conversation-start.evaluator';
import { ConversationRule } from './conversation.rule';
import { GetInquiryScopeHandler } from './get-inquiry-scope.handler';
import { InquiryRule } from './inquiry.rule';

/**
 * The `conversation` and `inquiry` resource rules: who starts, sees, posts in, closes and reassigns
 * chats and inquiries; and the inquiry list's filter, by the same rule. Contacts' companies (a
 * student's classmates) come from the contact read model of order visibility.
 */
@Module({
  imports: [CheckModule, OrderAccessModule],
  controllers: [ChatAccessMessages],
  providers: [ChatAccessEvaluator, ConversationStartEvaluator, ConversationRule, InquiryRule, GetInquiryScopeHandler],
})
export class ChatAccessModule {}
