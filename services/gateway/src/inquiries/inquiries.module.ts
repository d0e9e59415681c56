import { Module } from '@nestjs/common';
import { ChatsModule } from '../chats/chats.module';
import { InquiriesController } from './inquiries.controller';
import { ReceptionController } from './reception.controller';

/** Client inquiries, routing explanations, reception modes and chat settings. */
@Module({ imports: [ChatsModule], controllers: [InquiriesController, ReceptionController] })
export class InquiriesModule {}
