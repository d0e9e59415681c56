import { Module } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { ContactsModule } from './contacts/contacts.module';
import { PresenceModule } from './presence/presence.module';
import { StaffModule } from './staff/staff.module';
import { TenantsModule } from './tenants/tenants.module';

@Module({
  imports: [TenantsModule, StaffModule, AuthModule, PresenceModule, ContactsModule],
})
export class IdentityModule {}
