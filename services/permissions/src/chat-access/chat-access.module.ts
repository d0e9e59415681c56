import { Module } from '@nestjs/common';
import { CheckModule } from '../check/check.module';
import { ChatAccessEvaluator } from './chat-access.evaluator';
import { ChatAccessMessages } from './chat-access.messages';
import { ConversationRule } from './conversation.rule';
import { InquiryRule } from './inquiry.rule';

/**
 * The `conversation` and `inquiry` resource rules: who sees, posts in, closes and reassigns chats and
 * inquiries; and the inquiry list's filter, by the same rule.
 */
@Module({
  imports: [CheckModule],
  controllers: [ChatAccessMessages],
  providers: [ChatAccessEvaluator, ConversationRule, InquiryRule],
})
export class ChatAccessModule {}
