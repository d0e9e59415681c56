import { Module } from '@nestjs/common';
import { GroupsModule } from '../groups/groups.module';
import { OrderAccessModule } from '../order-access/order-access.module';
import { PersonsModule } from '../persons/persons.module';
import { PolicyModule } from '../policy/policy.module';
import { ContactAccessConsumer } from './contact-access.consumer';
import { GrantPortalHandler } from './grant-portal.handler';
import { PortalMessages } from './portal.messages';
import { RevokePortalHandler } from './revoke-portal.handler';

/** Client-portal contacts in the Client group, by RPC and by identity's events. */
@Module({
  imports: [GroupsModule, OrderAccessModule, PersonsModule, PolicyModule],
  controllers: [PortalMessages],
  providers: [GrantPortalHandler, RevokePortalHandler, ContactAccessConsumer],
})
export class PortalModule {}
