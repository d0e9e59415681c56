import { Injectable } from '@nestjs/common';
import { DomainError } from '@warden/kernel';
import { BusClient } from '@warden/messaging';
import type { GroupRef, RequestContext, SignInRefusal, StaffView } from '@warden/contracts';
import type { Page } from '@warden/kernel';
import { AccessService } from '../access/access.service';
import type { CreateStaffRequestDto } from './dto/create-staff.request.dto';
import type { ListStaffQueryDto } from './dto/list-staff.query.dto';
import type { StaffPageResponseDto, StaffResponseDto } from './dto/staff.response.dto';
import type { UpdateStaffRequestDto } from './dto/update-staff.request.dto';

/** Identity's own reasons come first (deleted, access off, no password); then the permissions service's. */
function withSignIn(view: StaffView, refusal: SignInRefusal | undefined): StaffView {
  if (view.signInRefusal || !refusal) return view;
  return { ...view, systemStatus: 'no_access', signInRefusal: refusal };
}

/**
 * The staff registry as the API shows it: people from identity, their groups from permissions.
 * Group ids are checked before anything is written, so a bad id leaves nothing half-done.
 */
@Injectable()
export class StaffFacade {
  constructor(
    private readonly bus: BusClient,
    private readonly access: AccessService,
  ) {}

  async list(ctx: RequestContext, query: ListStaffQueryDto): Promise<StaffPageResponseDto> {
    // Filtering by who can sign in needs the permissions service's refusals of the whole tenant.
    const filtersOnSignIn = query.status !== undefined && query.status !== 'deleted';
    const refused = filtersOnSignIn ? await this.bus.request('permissions.sign-in.refusals', ctx, {}) : undefined;
    const page: Page<StaffView> = await this.bus.request('identity.staff.list', ctx, {
      status: query.status,
      signInRefusedIds: refused?.map((entry) => entry.personId),
      search: query.search,
      workingAt: query.workingAt,
      includeDeleted: query.includeDeleted,
      cursor: query.cursor,
      limit: query.limit ?? 50,
    });
    return { items: await this.withGroups(ctx, page.items), nextCursor: page.nextCursor };
  }

  async get(ctx: RequestContext, personId: string): Promise<StaffResponseDto> {
    const view = await this.bus.request('identity.staff.get', ctx, { personId });
    return (await this.withGroups(ctx, [view]))[0]!;
  }

  async create(ctx: RequestContext, body: CreateStaffRequestDto): Promise<StaffResponseDto> {
    const groupIds = body.groupIds ?? [];
    await this.requireKnownGroups(ctx, groupIds);
    const { groupIds: _groups, ...fields } = body;
    const view = await this.bus.request('identity.staff.create', ctx, { ...fields, groupIds });
    const memberships = await this.bus.request('permissions.memberships.set', ctx, { personId: view.id, groupIds });
    await this.access.applied(ctx.tenantId, memberships.policy);
    return { ...view, groups: memberships.groups };
  }

  async update(ctx: RequestContext, personId: string, body: UpdateStaffRequestDto): Promise<StaffResponseDto> {
    const { groupIds, access, ...changes } = body;
    if (groupIds) await this.requireKnownGroups(ctx, groupIds);
    const view = await this.bus.request('identity.staff.update', ctx, { personId, changes, access });
    // Access taken away or given changes what the person may do right now.
    if (access) await this.access.applied(ctx.tenantId, { policyVersion: 0, affectedPersonIds: [personId] });
    if (!groupIds) return (await this.withGroups(ctx, [view]))[0]!;
    const memberships = await this.bus.request('permissions.memberships.set', ctx, { personId, groupIds });
    await this.access.applied(ctx.tenantId, memberships.policy);
    return { ...view, groups: memberships.groups };
  }

  async delete(ctx: RequestContext, personId: string): Promise<StaffResponseDto> {
    const view = await this.bus.request('identity.staff.delete', ctx, { personId });
    await this.access.applied(ctx.tenantId, { policyVersion: 0, affectedPersonIds: [personId] });
    return (await this.withGroups(ctx, [view]))[0]!;
  }

  /** Identity's people with their groups, and with `no_access` where the permissions service refuses the sign-in. */
  async withGroups(ctx: RequestContext, views: StaffView[]): Promise<StaffResponseDto[]> {
    if (views.length === 0) return [];
    const personIds = views.map((view) => view.id);
    const [groups, refusals] = await Promise.all([
      this.bus.request('permissions.memberships.of', ctx, { personIds }) as Promise<Record<string, GroupRef[]>>,
      this.bus.request('permissions.sign-in.refusals', ctx, { personIds }),
    ]);
    const refusalOf = new Map(refusals.map((entry) => [entry.personId, { code: entry.code, reason: entry.reason }]));
    return views.map((view) => ({ ...withSignIn(view, refusalOf.get(view.id)), groups: groups[view.id] ?? [] }));
  }

  private async requireKnownGroups(ctx: RequestContext, groupIds: string[]): Promise<void> {
    if (groupIds.length === 0) return;
    const known = new Set((await this.bus.request('permissions.groups.list', ctx, {})).map((group) => group.id));
    const unknown = groupIds.filter((id) => !known.has(id.toLowerCase()) && !known.has(id));
    if (unknown.length > 0) {
      throw new DomainError('STAFF.UNKNOWN_GROUP', 'validation', `No such group in this tenant: ${unknown.join(', ')}`, [
        { field: 'groupIds', reason: `contains ids that are not groups of this tenant: ${unknown.join(', ')}` },
      ]);
    }
  }
}
