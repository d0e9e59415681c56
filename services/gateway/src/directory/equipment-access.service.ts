import { Injectable } from '@nestjs/common';
import { DomainError } from '@warden/kernel';
import type { ErrorCode } from '@warden/kernel';
import { BusClient } from '@warden/messaging';
import type { EquipmentTreeNode, EquipmentView, RequestContext } from '@warden/contracts';
import { AccessService } from '../access/access.service';
import type { Principal } from '../auth/principal';

/**
 * Equipment reads behind the permissions service's `equipment` rule: an employee needs
 * `directory.read` (403 without), a client reads its own company's equipment, and another
 * company's answers 404 as if it did not exist.
 */
@Injectable()
export class EquipmentAccessService {
  constructor(
    private readonly bus: BusClient,
    private readonly access: AccessService,
  ) {}

  async tree(principal: Principal, ctx: RequestContext, companyId: string): Promise<EquipmentTreeNode[]> {
    await this.requireReadable(principal, ctx, companyId, { code: 'COMPANY.NOT_FOUND', what: 'The company' });
    return this.bus.request('directory.equipment.tree', ctx, { companyId });
  }

  async get(principal: Principal, ctx: RequestContext, equipmentId: string): Promise<EquipmentView> {
    const node = await this.bus.request('directory.equipment.get', ctx, { equipmentId });
    await this.requireReadable(principal, ctx, node.companyId, { code: 'EQUIPMENT.NOT_FOUND', what: 'The equipment' });
    return node;
  }

  private async requireReadable(
    principal: Principal,
    ctx: RequestContext,
    companyId: string,
    hidden: { code: ErrorCode; what: string },
  ): Promise<void> {
    const decision = await this.access.decide(principal, ctx, 'equipment.read', { type: 'equipment', companyId: companyId.toLowerCase() });
    if (decision.allowed) return;
    // Another client's equipment must not show that it exists; a missing right is an ordinary 403.
    if (decision.code === 'EQUIPMENT.NOT_OWN') throw DomainError.notFound(hidden.code, hidden.what);
    throw DomainError.refusal(decision, { action: 'equipment.read', policyVersion: decision.policyVersion });
  }
}
