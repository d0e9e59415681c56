import { Module } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { ContactsModule } from './contacts/contacts.module';
import { PresenceModule } from './presence/presence.module';
import { SchedulesModule } from './schedules/schedules.module';
import { SessionsModule } from './sessions/sessions.module';
import { StaffModule } from './staff/staff.module';
import { TenantsModule } from './tenants/tenants.module';

@Module({
  imports: [TenantsModule, StaffModule, SchedulesModule, AuthModule, PresenceModule, ContactsModule, SessionsModule],
})
export class IdentityModule {}
