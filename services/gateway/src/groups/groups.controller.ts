import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOkResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BusClient } from '@warden/messaging';
import { RIGHTS } from '@warden/contracts';
import type { PolicyChange, RequestContext, Right } from '@warden/contracts';
import { AccessService } from '../access/access.service';
import type { Principal } from '../auth/principal';
import { Action } from '../auth/route-metadata';
import { ApiProblems } from '../http/problem.dto';
import { Ctx, CurrentPrincipal } from '../http/request-context.decorator';
import { AddMembersRequestDto } from './dto/add-members.request.dto';
import { CreateGroupRequestDto } from './dto/create-group.request.dto';
import { GroupMemberParamsDto, GroupParamsDto } from './dto/group-params.request.dto';
import { GroupDetailResponseDto, GroupResponseDto, RightResponseDto } from './dto/group.response.dto';
import { UpdateGroupRequestDto } from './dto/update-group.request.dto';

/** Groups (roles) of the tenant, their rights, login bar and members. */
@ApiTags('groups')
@Controller()
export class GroupsController {
  constructor(
    private readonly bus: BusClient,
    private readonly access: AccessService,
  ) {}

  @Get('api/v1/rights')
  @Action('staff.read')
  @ApiOperation({ summary: 'The catalog of rights a group or a person can be given' })
  @ApiOkResponse({ type: [RightResponseDto] })
  @ApiProblems(401, 403, 503)
  rights(): RightResponseDto[] {
    return (Object.keys(RIGHTS) as Right[]).map((name) => ({ name, description: RIGHTS[name] }));
  }

  @Get('api/v1/groups')
  @Action('staff.read')
  @ApiOperation({ summary: 'Groups of the tenant with their rights and member counts' })
  @ApiOkResponse({ type: [GroupResponseDto] })
  @ApiProblems(401, 403, 503)
  list(@Ctx() ctx: RequestContext): Promise<GroupResponseDto[]> {
    return this.bus.request('permissions.groups.list', ctx, {});
  }

  @Post('api/v1/groups')
  @Action('groups.manage')
  @ApiOperation({
    summary: 'Create a group',
    description:
      'A new group has level `none` on every existing and future order status (its members see no order through it) until levels are granted ' +
      'with `PUT /groups/{id}/status-access`, and `set` on task statuses; the answer states this in `defaultLevels`.',
  })
  @ApiCreatedResponse({ type: GroupResponseDto })
  @ApiProblems(401, 403, 409, 422, 503)
  async create(
    @Body() body: CreateGroupRequestDto,
    @Ctx() ctx: RequestContext,
    @CurrentPrincipal() principal: Principal,
  ): Promise<GroupResponseDto> {
    const { group, policy } = await this.bus.request('permissions.groups.create', ctx, body);
    return this.applied(principal, policy, group);
  }

  @Get('api/v1/groups/:id')
  @Action('staff.read')
  @ApiOperation({ summary: 'One group with its members' })
  @ApiOkResponse({ type: GroupDetailResponseDto })
  @ApiProblems(401, 403, 404, 422, 503)
  get(@Param() params: GroupParamsDto, @Ctx() ctx: RequestContext): Promise<GroupDetailResponseDto> {
    return this.bus.request('permissions.groups.get', ctx, { groupId: params.id });
  }

  @Patch('api/v1/groups/:id')
  @Action('groups.manage')
  @ApiOperation({ summary: "Rename a group, replace its rights or bar it from logging in; members' next requests see the change" })
  @ApiOkResponse({ type: GroupResponseDto })
  @ApiProblems(401, 403, 404, 409, 422, 503)
  async update(
    @Param() params: GroupParamsDto,
    @Body() body: UpdateGroupRequestDto,
    @Ctx() ctx: RequestContext,
    @CurrentPrincipal() principal: Principal,
  ): Promise<GroupResponseDto> {
    const { group, policy } = await this.bus.request('permissions.groups.update', ctx, { groupId: params.id, ...body });
    return this.applied(principal, policy, group);
  }

  @Post('api/v1/groups/:id/members')
  @HttpCode(200)
  @Action('groups.manage')
  @ApiOperation({ summary: 'Add people to a group (already-members are left as they are)' })
  @ApiOkResponse({ type: GroupResponseDto })
  @ApiProblems(401, 403, 404, 422, 503)
  async addMembers(
    @Param() params: GroupParamsDto,
    @Body() body: AddMembersRequestDto,
    @Ctx() ctx: RequestContext,
    @CurrentPrincipal() principal: Principal,
  ): Promise<GroupResponseDto> {
    const { group, policy } = await this.bus.request('permissions.groups.members.add', ctx, {
      groupId: params.id,
      personIds: body.personIds,
    });
    return this.applied(principal, policy, group);
  }

  @Delete('api/v1/groups/:id/members/:personId')
  @Action('groups.manage')
  @ApiOperation({ summary: 'Remove a person from a group (the last active administrator cannot be removed)' })
  @ApiOkResponse({ type: GroupResponseDto })
  @ApiProblems(401, 403, 404, 409, 422, 503)
  async removeMember(
    @Param() params: GroupMemberParamsDto,
    @Ctx() ctx: RequestContext,
    @CurrentPrincipal() principal: Principal,
  ): Promise<GroupResponseDto> {
    const { group, policy } = await this.bus.request('permissions.groups.members.remove', ctx, {
      groupId: params.id,
      personIds: [params.personId],
    });
    return this.applied(principal, policy, group);
  }

  /** Stale decisions go before the answer does, so the caller's next request sees the change. */
  private async applied<T>(principal: Principal, policy: PolicyChange, result: T): Promise<T> {
    await this.access.applied(principal.tenantId, policy);
    return result;
  }
}
