import { Injectable } from '@nestjs/common';
import { DomainError } from '@warden/kernel';
import { BusClient } from '@warden/messaging';
import type { RequestContext, ResourceRef, TemplateView } from '@warden/contracts';
import { AccessService } from '../access/access.service';
import type { Principal } from '../auth/principal';

const HIDDEN = { code: 'TEMPLATE.NOT_FOUND', what: 'Template' } as const;

/** What the `template` rule decides on; `updatedAt` keys a cached decision to the template as it is. */
function resourceOf(template: TemplateView): ResourceRef {
  return { type: 'template', templateId: template.id, updatedAt: template.updatedAt };
}

/**
 * Templates behind the permissions service, like projects: a client sees the firm's own templates
 * (naming no contact) and those naming only contacts of its company; anything else answers 404.
 */
@Injectable()
export class TemplateAccessService {
  constructor(
    private readonly bus: BusClient,
    private readonly access: AccessService,
  ) {}

  async list(principal: Principal, ctx: RequestContext): Promise<TemplateView[]> {
    const { policyVersion: _version, ...scope } = await this.bus.request('permissions.projects.visibility-scope', ctx, {
      personId: principal.personId,
    });
    return this.bus.request('workflow.templates.list', ctx, { scope });
  }

  async visible(principal: Principal, ctx: RequestContext, templateId: string): Promise<TemplateView> {
    const template = await this.bus.request('workflow.templates.get', ctx, { templateId });
    await this.access.require(principal, ctx, 'template.read', resourceOf(template), HIDDEN);
    return template;
  }

  /** Before a task is made from it: 403 with the rule's reason if not visible; unknown ids are left to the task's validation (422). */
  async requireUsable(principal: Principal, ctx: RequestContext, templateId: string): Promise<void> {
    let template: TemplateView;
    try {
      template = await this.bus.request('workflow.templates.get', ctx, { templateId });
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'not_found') return;
      throw error;
    }
    await this.access.require(principal, ctx, 'template.read', resourceOf(template));
  }
}
