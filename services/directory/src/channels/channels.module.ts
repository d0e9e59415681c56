import { Module } from '@nestjs/common';
import { ContactsModule } from '../contacts/contacts.module';
import { DepartmentsModule } from '../departments/departments.module';
import { ChannelRepository } from './channel.repository';
import { ChannelsMessages } from './channels.messages';
import { ChannelsService } from './channels.service';
import { InboundService } from './inbound.service';

@Module({
  imports: [DepartmentsModule, ContactsModule],
  controllers: [ChannelsMessages],
  providers: [ChannelRepository, ChannelsService, InboundService],
})
export class ChannelsModule {}
