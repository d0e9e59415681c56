import { Module } from '@nestjs/common';
import { PersonsModule } from '../persons/persons.module';
import { PolicyModule } from '../policy/policy.module';
import { AddGroupMembersHandler } from './add-group-members.handler';
import { CreateGroupHandler } from './create-group.handler';
import { GetGroupHandler } from './get-group.handler';
import { GetMembershipsHandler } from './get-memberships.handler';
import { GroupsMessages } from './groups.messages';
import { GroupsRepository } from './groups.repository';
import { ListGroupsHandler } from './list-groups.handler';
import { LoginBarEnforcer } from './login-bar.enforcer';
import { RemoveGroupMembersHandler } from './remove-group-members.handler';
import { SetMembershipsHandler } from './set-memberships.handler';
import { UpdateGroupHandler } from './update-group.handler';

@Module({
  imports: [PolicyModule, PersonsModule],
  controllers: [GroupsMessages],
  providers: [
    GroupsRepository,
    LoginBarEnforcer,
    ListGroupsHandler,
    GetGroupHandler,
    CreateGroupHandler,
    UpdateGroupHandler,
    AddGroupMembersHandler,
    RemoveGroupMembersHandler,
    GetMembershipsHandler,
    SetMembershipsHandler,
  ],
  exports: [GroupsRepository],
})
export class GroupsModule {}
