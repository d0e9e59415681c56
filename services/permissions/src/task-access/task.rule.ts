import { Injectable } from '@nestjs/common';
import { DomainError, isUuid } from '@warden/kernel';
import { BusClient } from '@warden/messaging';
import type { DecisionStep, TaskAccessFacts } from '@warden/contracts';
import { CheckRepository } from '../check/check.repository';
import type { ResourceRule, ResourceRuleInput, ResourceRuleOutcome } from '../check/resource-rule';
import { StatusAccessRepository } from '../status-access/status-access.repository';
import { atLeast, effectiveLevel } from '../status-access/status-levels.policy';
import type { StatusFact } from '../status-access/status-levels.policy';
import { describeSubject, matchGrant } from './task-transition.policy';
import type { GrantMatch } from './task-transition.policy';
import { systemContext } from '../check/system.context';
import { TaskVisibilityScope } from './task-visibility';

interface Failure {
  code: string;
  reason: string;
}

/**
 * Resource type `task` (docs/rules.md#tasks): `resource.taskId`, and for a status change `resource.targetStatusId`.
 *
 * The facts — the task's current status, the asking person's roles and kind in it, the transitions
 * out of the current status with their grants — are read from the workflow service at decision
 * time (`workflow.tasks.access-facts`), not from attributes the caller sends nor from a read model
 * fed by events: the caller could not vouch for roles it computed itself (explain asks about other
 * people), and a read model would refuse the first move of a task created a moment ago. The
 * gateway adds the task's version and workflow version to the resource, so a cached decision is
 * never reused after the participants, the status or the grants changed.
 *
 * - `task.start` (no task yet): `set` on the status a new task would start in;
 * - every other action: the person sees the task (takes part in it, or `tasks.read-department` and a
 *   member of its departments takes part; a contact only by taking part);
 * - a status change also: a transition from the current status to the target exists; one of its
 *   grants matches the person ((role, kind) in this task, a group, the person by name); the
 *   per-status access levels allow (`view` on the current status, `set` on the target; default set).
 * Every condition is recorded for explain; the first failure is the answer.
 */
@Injectable()
export class TaskRule implements ResourceRule {
  readonly resourceType = 'task';

  constructor(
    private readonly bus: BusClient,
    private readonly checks: CheckRepository,
    private readonly levels: StatusAccessRepository,
    private readonly visibility: TaskVisibilityScope,
  ) {}

  async evaluate(input: ResourceRuleInput, steps: DecisionStep[]): Promise<ResourceRuleOutcome> {
    if (input.action === 'task.start') return this.evaluateStart(input, steps);
    const taskId = input.resource.taskId;
    if (!isUuid(taskId)) {
      steps.push({ rule: 'task.known', effect: 'deny', detail: 'The task resource names no task (taskId)' });
      return { allowed: false, code: 'TASK.NOT_FOUND', reason: 'The task resource names no task' };
    }
    const facts = await this.facts(input.tenantId, taskId, input.personId);
    if (!facts) {
      steps.push({ rule: 'task.known', effect: 'deny', detail: 'No such task in this tenant' });
      return { allowed: false, code: 'TASK.NOT_FOUND', reason: 'The task does not exist' };
    }
    const person = await this.checks.load(input.tenantId, input.personId);
    const failures: Failure[] = [];
    await this.checkVisible(input, facts, person, steps, failures);
    const targetId = input.resource.targetStatusId;
    if (targetId === undefined || targetId === null) {
      const first = failures[0];
      return first ? { allowed: false, ...first } : { allowed: true, code: 'ALLOWED.TASK_VISIBLE', reason: 'May see the task' };
    }
    const match = await this.checkTransition(input, facts, person.groups, String(targetId), steps, failures);
    const first = failures[0];
    if (first || !match) return { allowed: false, ...(first ?? { code: 'TRANSITION.NONE', reason: 'No transition' }) };
    return { allowed: true, code: match.code, reason: match.reason };
  }

  /**
   * `task.start` (`resource.targetStatusId`, a status the workflow service offered to start a new
   * task in): starting there is setting it, so the person's level on it must be `set` — the task
   * default, unless a personal or group level narrows it. A status the read model does not know yet
   * (a workflow created a moment ago) can carry no level but the default.
   */
  private async evaluateStart(input: ResourceRuleInput, steps: DecisionStep[]): Promise<ResourceRuleOutcome> {
    const statusId = input.resource.targetStatusId;
    if (!isUuid(statusId)) {
      steps.push({ rule: 'status.start.known', effect: 'deny', detail: 'The resource names no status to start in (targetStatusId)' });
      return { allowed: false, code: 'STATUS.UNKNOWN', reason: 'No status to start the task in' };
    }
    const id = statusId.toLowerCase();
    const [known] = await this.levels.statusesOfKind(input.tenantId, [id], null);
    if (known && known.kind !== 'task') {
      steps.push({ rule: 'status.start.known', effect: 'deny', detail: `'${known.name}' is a status of an order workflow` });
      return { allowed: false, code: 'STATUS.UNKNOWN', reason: `'${known.name}' is not a task status` };
    }
    const status: StatusFact = {
      statusId: id,
      name: known?.name ?? id,
      category: known?.category ?? 'initial',
      archived: false,
      kind: 'task',
    };
    const level = effectiveLevel(status, await this.levels.levelFacts(input.tenantId, input.personId));
    const allowed = atLeast(level.level, 'set');
    steps.push({
      rule: 'status.start.set',
      effect: allowed ? 'allow' : 'deny',
      detail: `Level '${level.level}' on '${status.name}' (${level.detail}); 'set' is needed to start a task there`,
    });
    if (!allowed) return { allowed: false, code: 'STATUS.NO_SET_ON_TARGET', reason: `No right to set status '${status.name}'` };
    return { allowed: true, code: 'ALLOWED.TASK_START', reason: `May start a task in '${status.name}'` };
  }

  private async facts(tenantId: string, taskId: string, personId: string): Promise<TaskAccessFacts | null> {
    try {
      return await this.bus.request('workflow.tasks.access-facts', systemContext(tenantId), { taskId, personId });
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'not_found') return null;
      throw error;
    }
  }

  private async checkVisible(
    input: ResourceRuleInput,
    facts: TaskAccessFacts,
    person: Awaited<ReturnType<CheckRepository['load']>>,
    steps: DecisionStep[],
    failures: Failure[],
  ): Promise<void> {
    if (facts.person.roles.length > 0) {
      steps.push({ rule: 'task.visible', effect: 'allow', detail: `Takes part in the task: ${describeSubject(facts.person)}` });
      return;
    }
    if (this.visibility.seesAll(person, steps, facts.person.kind)) return;
    const members = await this.visibility.departmentMembers(input.tenantId, input.personId, person, steps, facts.person.kind);
    const colleague = facts.participantIds.find((id) => members.includes(id));
    if (colleague) {
      steps.push({
        rule: 'task.visible',
        effect: 'allow',
        detail: `A member of the person's departments (${colleague}) takes part in the task`,
      });
      return;
    }
    steps.push({
      rule: 'task.visible',
      effect: 'deny',
      detail:
        facts.person.kind === 'contact'
          ? 'A contact sees only tasks it takes part in'
          : 'Neither takes part in the task nor sees it through its departments',
    });
    failures.push({ code: 'TASK.NOT_VISIBLE', reason: 'The person does not take part in this task' });
  }

  private async checkTransition(
    input: ResourceRuleInput,
    facts: TaskAccessFacts,
    groups: ReadonlyArray<{ id: string; name: string }>,
    targetId: string,
    steps: DecisionStep[],
    failures: Failure[],
  ): Promise<GrantMatch | null> {
    const target = facts.statuses.find((status) => status.id === targetId.toLowerCase());
    if (!target) {
      steps.push({ rule: 'transition.exists', effect: 'deny', detail: "The target is not a status of the task's workflow" });
      failures.push({ code: 'STATUS.UNKNOWN', reason: "The target is not a status of the task's workflow" });
      return null;
    }
    const name = `'${facts.status.name}' → '${target.name}'`;
    const transition = facts.transitions.find((candidate) => candidate.toStatusId === target.id);
    if (!transition) {
      steps.push({ rule: 'transition.exists', effect: 'deny', detail: `The workflow has no transition ${name}` });
      failures.push({ code: 'TRANSITION.NONE', reason: `There is no transition ${name}` });
      return null;
    }
    steps.push({ rule: 'transition.exists', effect: 'none', detail: `The workflow has the transition ${name}` });
    const match = matchGrant(
      transition.grants,
      { personId: input.personId, roles: facts.person.roles, kind: facts.person.kind, groups },
      name,
    );
    steps.push({ rule: 'transition.grant', effect: match.allowed ? 'allow' : 'deny', detail: match.reason });
    if (!match.allowed) failures.push({ code: match.code, reason: match.reason });
    // The per-status levels of the orders, one model: the task default is `set` for everyone.
    const levels = await this.levels.levelFacts(input.tenantId, input.personId);
    const taskStatus = (status: { id: string; name: string; category: StatusFact['category'] }): StatusFact => ({
      statusId: status.id,
      name: status.name,
      category: status.category,
      archived: false,
      kind: 'task',
    });
    const current = effectiveLevel(taskStatus(facts.status), levels);
    const currentOk = atLeast(current.level, 'view');
    steps.push({
      rule: 'status.current.view',
      effect: currentOk ? 'allow' : 'deny',
      detail: `Level '${current.level}' on '${facts.status.name}' (${current.detail}); 'view' is needed`,
    });
    if (!currentOk) failures.push({ code: 'STATUS.NOT_VISIBLE', reason: `No access to tasks in status '${facts.status.name}'` });
    const next = effectiveLevel(taskStatus(target), levels);
    const nextOk = atLeast(next.level, 'set');
    steps.push({
      rule: 'status.target.set',
      effect: nextOk ? 'allow' : 'deny',
      detail: `Level '${next.level}' on '${target.name}' (${next.detail}); 'set' is needed`,
    });
    if (!nextOk) failures.push({ code: 'STATUS.NO_SET_ON_TARGET', reason: `No right to set status '${target.name}'` });
    return match;
  }
}
