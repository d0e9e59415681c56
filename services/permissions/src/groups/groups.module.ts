import { Module } from '@nestjs/common';
import { PersonsModule } from '../persons/persons.module';
import { PolicyModule } from '../policy/policy.module';
import { GroupsMessages } from './groups.messages';
import { GroupsRepository } from './groups.repository';
import { GroupsService } from './groups.service';
import { LoginBarEnforcer } from './login-bar.enforcer';
import { MembershipEvents } from './membership-events';
import { MembershipsService } from './memberships.service';

@Module({
  imports: [PolicyModule, PersonsModule],
  controllers: [GroupsMessages],
  providers: [GroupsRepository, GroupsService, MembershipsService, MembershipEvents, LoginBarEnforcer],
  exports: [GroupsRepository, GroupsService, MembershipsService, MembershipEvents],
})
export class GroupsModule {}
