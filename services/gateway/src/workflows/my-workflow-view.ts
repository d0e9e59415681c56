import { Injectable } from '@nestjs/common';
import { BusClient } from '@warden/messaging';
import type { AccessLevel, RequestContext, WorkflowView } from '@warden/contracts';
import { AccessService } from '../access/access.service';
import type { Principal } from '../auth/principal';
import type { WorkflowResponseDto } from './dto/workflow.response.dto';

/**
 * Workflows as the caller reads them: each status with the caller's own level (`myLevel`), and the
 * statuses it may not see (`none`) left out — employees see only the statuses they need. People who
 * manage workflows read every status.
 */
@Injectable()
export class MyWorkflowView {
  constructor(
    private readonly bus: BusClient,
    private readonly access: AccessService,
  ) {}

  async of(principal: Principal, ctx: RequestContext, workflows: WorkflowView[]): Promise<WorkflowResponseDto[]> {
    const [mine, manages] = await Promise.all([
      this.bus.request('permissions.status-access.person.get', ctx, { personId: principal.personId }),
      this.access.decide(principal, ctx, 'workflows.manage'),
    ]);
    const levels = new Map<string, AccessLevel>(
      mine.workflows.flatMap((workflow) => workflow.statuses.map((status) => [status.statusId, status.level] as const)),
    );
    return workflows.map((workflow) => {
      const statuses = workflow.statuses
        // A status the levels do not know yet (created a moment ago) is shown as the service has it: `none`.
        .map((status) => ({ ...status, myLevel: levels.get(status.id) ?? 'none' }))
        .filter((status) => manages.allowed || status.myLevel !== 'none');
      const shown = new Set(statuses.map((status) => status.id));
      const transitions = workflow.transitions.filter(
        (transition) => shown.has(transition.fromStatusId) && shown.has(transition.toStatusId),
      );
      return { ...workflow, statuses, transitions };
    });
  }
}
