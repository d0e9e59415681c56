import { Module } from '@nestjs/common';
import { GroupsModule } from '../groups/groups.module';
import { OrderAccessModule } from '../order-access/order-access.module';
import { PersonsModule } from '../persons/persons.module';
import { PolicyModule } from '../policy/policy.module';
import { ContactAccessConsumer } from './contact-access.consumer';
import { PortalMembersService } from './portal-members.service';
import { PortalMessages } from './portal.messages';

/** Client-portal contacts in the Client group, by RPC and by identity's events. */
@Module({
  imports: [GroupsModule, OrderAccessModule, PersonsModule, PolicyModule],
  controllers: [PortalMessages],
  providers: [PortalMembersService, ContactAccessConsumer],
})
export class PortalModule {}
