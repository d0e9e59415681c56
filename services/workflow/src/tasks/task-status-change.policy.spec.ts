import { DomainError } from '@warden/kernel';
import { TaskErrors } from './task.errors';
import { planTaskStatusChange } from './task-status-change.policy';
import type { TaskStatusChangeFacts, TaskStatusFacts, TaskTargetStatus } from './task-status-change.policy';

const WORKFLOW = '0192f0c4-0000-7000-8000-0000000000f1';
const TODO = '0192f0c4-0000-7000-8000-0000000000a1';
const DOING = '0192f0c4-0000-7000-8000-0000000000a2';
const ACTOR = '0192f0c4-0000-7000-8000-0000000000b1';
const decision = { code: 'ALLOWED.TRANSITION_ROLE', policyVersion: 11 };

const task: TaskStatusFacts = {
  id: '0192f0c4-0000-7000-8000-0000000000c1',
  workflowId: WORKFLOW,
  version: 5,
  status: { id: TODO, name: 'To do' },
};
const doing: TaskTargetStatus = { id: DOING, workflowId: WORKFLOW, name: 'Doing', archived: false };
const request = { expectedStatusId: TODO, expectedVersion: 5, decision };
const facts: TaskStatusChangeFacts<TaskTargetStatus> = {
  target: doing,
  transitionExists: true,
  actor: { id: ACTOR, roles: ['assignee'], kind: 'employee' },
};

function refusal(outcome: unknown): unknown {
  expect(outcome).toBeInstanceOf(DomainError);
  return (outcome as DomainError).toPayload();
}

describe('a task status change', () => {
  it("moves the task along the transition, recording the actor's roles and kind and the decision", () => {
    const from = { id: TODO, name: 'To do' };
    const to = { id: DOING, name: 'Doing' };
    expect(planTaskStatusChange(task, request, facts)).toEqual({
      target: doing,
      history: { from, to, actorId: ACTOR, actorRoles: ['assignee'], actorKind: 'employee', decision },
      event: {
        taskId: task.id,
        from,
        to,
        actorId: ACTOR,
        actorRoles: ['assignee'],
        actorKind: 'employee',
        decisionCode: 'ALLOWED.TRANSITION_ROLE',
        policyVersion: 11,
      },
    });
  });

  it('records an actor who does not take part (allowed through a group or by name) with no roles', () => {
    const plan = planTaskStatusChange(task, request, { ...facts, actor: { id: ACTOR, roles: [], kind: 'contact' } });
    expect(plan).toMatchObject({ history: { actorRoles: [], actorKind: 'contact' }, event: { actorRoles: [], actorKind: 'contact' } });
  });

  it('is not checked against a version when the request names none', () => {
    expect(planTaskStatusChange(task, { ...request, expectedVersion: undefined }, facts)).not.toBeInstanceOf(DomainError);
  });

  it('refuses another version than the request names', () => {
    expect(refusal(planTaskStatusChange(task, { ...request, expectedVersion: 4 }, facts))).toEqual(
      TaskErrors.versionMismatch(4, 5).toPayload(),
    );
  });

  it('refuses when the task left the status the decision was made for', () => {
    expect(refusal(planTaskStatusChange(task, { ...request, expectedStatusId: DOING }, facts))).toEqual(
      TaskErrors.statusMoved().toPayload(),
    );
  });

  it('refuses an unknown target status', () => {
    expect(refusal(planTaskStatusChange(task, request, { ...facts, target: null, transitionExists: false }))).toEqual(
      TaskErrors.unknownStatus().toPayload(),
    );
  });

  it("refuses a status of another workflow than the task's", () => {
    const elsewhere = { ...doing, workflowId: '0192f0c4-0000-7000-8000-0000000000f2' };
    expect(refusal(planTaskStatusChange(task, request, { ...facts, target: elsewhere }))).toEqual(TaskErrors.unknownStatus().toPayload());
  });

  it('refuses the status the task already is in', () => {
    const todo = { id: TODO, workflowId: WORKFLOW, name: 'To do', archived: false };
    expect(refusal(planTaskStatusChange(task, request, { ...facts, target: todo }))).toEqual(TaskErrors.alreadyInStatus().toPayload());
  });

  it('refuses an archived status', () => {
    expect(refusal(planTaskStatusChange(task, request, { ...facts, target: { ...doing, archived: true } }))).toEqual(
      TaskErrors.archivedStatus().toPayload(),
    );
  });

  it('refuses when the transition is gone since the decision, naming both statuses', () => {
    expect(refusal(planTaskStatusChange(task, request, { ...facts, transitionExists: false }))).toEqual(
      TaskErrors.noTransition('To do', 'Doing').toPayload(),
    );
    expect(refusal(planTaskStatusChange(task, request, { ...facts, transitionExists: false }))).toMatchObject({
      code: 'TRANSITION.NONE',
      kind: 'conflict',
      fields: [{ field: 'statusId', reason: "no transition from 'To do' to 'Doing'" }],
    });
  });

  it('checks in order: version, decision status, target, already-there before archived, then the transition', () => {
    const archivedTodo = { id: TODO, workflowId: WORKFLOW, name: 'To do', archived: true };
    const none = { ...facts, target: null, transitionExists: false };
    expect(refusal(planTaskStatusChange(task, { ...request, expectedVersion: 1, expectedStatusId: DOING }, none))).toMatchObject({
      code: 'TASK.VERSION_MISMATCH',
    });
    expect(refusal(planTaskStatusChange(task, { ...request, expectedStatusId: DOING }, none))).toMatchObject({ code: 'TASK.STATUS_MOVED' });
    expect(refusal(planTaskStatusChange(task, request, { ...none, target: archivedTodo }))).toMatchObject({
      code: 'TASK.ALREADY_IN_STATUS',
    });
    expect(
      refusal(planTaskStatusChange(task, request, { ...facts, target: { ...doing, archived: true }, transitionExists: false })),
    ).toMatchObject({
      code: 'STATUS.ARCHIVED',
    });
  });
});
