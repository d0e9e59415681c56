import { Injectable } from '@nestjs/common';
import type { ChatViewer, RequestContext } from '@warden/contracts';
import { AccessService } from '../access/access.service';
import type { Principal } from '../auth/principal';

/**
 * The caller as the inquiries service needs it, with the chat rights decided by the permissions
 * service through the gateway's cached AccessService — the same path as every other check.
 */
@Injectable()
export class ChatViewerFactory {
  constructor(private readonly access: AccessService) {}

  async of(principal: Principal, ctx: RequestContext, options: { reassign?: boolean } = {}): Promise<ChatViewer> {
    if (principal.kind !== 'employee') return { personId: principal.personId, kind: principal.kind, admin: false, allBranchesRight: false };
    const [admin, allBranches, otherBranches] = await Promise.all([
      this.access.decide(principal, ctx, 'inquiries.admin'),
      this.access.decide(principal, ctx, 'branches.all'),
      options.reassign ? this.access.decide(principal, ctx, 'inquiries.assign-other-branches') : Promise.resolve(null),
    ]);
    return {
      personId: principal.personId,
      kind: 'employee',
      admin: admin.allowed,
      allBranchesRight: allBranches.allowed,
      ...(otherBranches ? { assignOtherBranches: otherBranches.allowed } : {}),
    };
  }
}
