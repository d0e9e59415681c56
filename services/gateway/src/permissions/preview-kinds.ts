import type { Type } from '@nestjs/common';
import type { PreviewKind, Right } from '@warden/contracts';
import { UpdateDepartmentRequestDto } from '../directory/dto/department.request.dto';
import { AddMembersRequestDto } from '../groups/dto/add-members.request.dto';
import { UpdateGroupRequestDto } from '../groups/dto/update-group.request.dto';
import { PutGroupStatusAccessRequestDto, PutPersonStatusAccessRequestDto } from '../status-access/dto/status-access.request.dto';
import { RemoveMemberChangeDto } from './dto/remove-member.change.dto';
import { SetOverrideRequestDto } from './dto/set-override.request.dto';

/**
 * For each kind the preview answers: the right its route declares (a preview of a change the caller
 * could not make is refused alike), the DTO of its body, and whether its `{id}` is a person of the
 * staff (checked as the route checks it). Kinds missing here are not supported yet.
 */
export const PREVIEWED: Partial<Record<PreviewKind, { action: Right; body: Type<object>; staffTarget: boolean }>> = {
  'person-status-access': { action: 'permissions.manage', body: PutPersonStatusAccessRequestDto, staffTarget: true },
  'group-status-access': { action: 'permissions.manage', body: PutGroupStatusAccessRequestDto, staffTarget: false },
  'group-members-add': { action: 'groups.manage', body: AddMembersRequestDto, staffTarget: false },
  'group-member-remove': { action: 'groups.manage', body: RemoveMemberChangeDto, staffTarget: false },
  group: { action: 'groups.manage', body: UpdateGroupRequestDto, staffTarget: false },
  // The person is checked by the permissions service, as `PUT /staff/{id}/rights` does (overrides.service.ts).
  'person-right': { action: 'groups.manage', body: SetOverrideRequestDto, staffTarget: false },
  // The department is checked by the directory, as `PATCH /departments/{id}` does (preview-department-update.handler.ts).
  department: { action: 'directory.manage', body: UpdateDepartmentRequestDto, staffTarget: false },
};
