import { Injectable } from '@nestjs/common';
import { BusClient } from '@warden/messaging';
import type { DecisionStep } from '@warden/contracts';
import type { LoadedFacts } from '../check/check.repository';
import { evaluateRight } from '../check/decision.policy';
import { systemContext } from '../check/system.context';
import { departmentViewers } from '../order-access/order-visibility.policy';

/**
 * Whose tasks a person sees: those it takes part in; with `tasks.read-department` (employees only)
 * also those in which a member or head of one of its departments takes part; with `tasks.read-all`
 * (employees only) every task of the tenant. Departments belong to
 * the directory, asked at decision time (no read model to lag behind a department change). Shared by the
 * `task` rule (task.rule.ts) and the task lists' filter (get-task-visibility.handler.ts).
 */
@Injectable()
export class TaskVisibilityScope {
  constructor(private readonly bus: BusClient) {}

  /** `tasks.read-all`, for employees: a contact never sees tasks it does not take part in. */
  seesAll(facts: LoadedFacts, steps: DecisionStep[], kind: string | null): boolean {
    if (kind === 'contact') return false;
    const right = evaluateRight('tasks.read-all', facts, []);
    if (right.allowed) steps.push({ rule: 'task.all', effect: 'allow', detail: `Sees every task of the tenant: ${right.reason}` });
    return right.allowed;
  }

  /** Members of the person's departments if it holds `tasks.read-department` and is an employee; else none. */
  async departmentMembers(
    tenantId: string,
    personId: string,
    facts: LoadedFacts,
    steps: DecisionStep[],
    kind: string | null = null,
  ): Promise<string[]> {
    if (kind === 'contact') return [];
    const scratch: DecisionStep[] = [];
    const right = evaluateRight('tasks.read-department', facts, scratch);
    if (!right.allowed) {
      steps.push({
        rule: 'task.department',
        effect: 'none',
        detail: "No 'tasks.read-department' right: only tasks the person takes part in",
      });
      return [];
    }
    const ctx = systemContext(tenantId);
    const scope = await this.bus.request('directory.employees.scope', ctx, { personId });
    const departments = await Promise.all(
      scope.departmentIds.map((departmentId) => this.bus.request('directory.departments.get', ctx, { departmentId })),
    );
    const members = new Set(departments.flatMap(departmentViewers));
    steps.push({
      rule: 'task.department',
      effect: 'none',
      detail: `'tasks.read-department' (${right.reason}); departments: ${departments.map((department) => `'${department.name}'`).join(', ') || 'none'}`,
    });
    return [...members];
  }
}
