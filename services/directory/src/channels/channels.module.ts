import { Module } from '@nestjs/common';
import { ContactsModule } from '../contacts/contacts.module';
import { DepartmentsModule } from '../departments/departments.module';
import { ChannelRepository } from './channel.repository';
import { ChannelsMessages } from './channels.messages';
import { CreateChannelHandler } from './create-channel.handler';
import { DeleteChannelHandler } from './delete-channel.handler';
import { GetChannelHandler } from './get-channel.handler';
import { ListChannelsHandler } from './list-channels.handler';
import { ReceiveInboundHandler } from './receive-inbound.handler';
import { UpdateChannelHandler } from './update-channel.handler';

@Module({
  imports: [DepartmentsModule, ContactsModule],
  controllers: [ChannelsMessages],
  providers: [
    ChannelRepository,
    ListChannelsHandler,
    GetChannelHandler,
    CreateChannelHandler,
    UpdateChannelHandler,
    DeleteChannelHandler,
    ReceiveInboundHandler,
  ],
})
export class ChannelsModule {}
