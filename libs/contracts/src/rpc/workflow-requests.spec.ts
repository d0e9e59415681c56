import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { fieldProblems } from '@warden/kernel';
import { UpdateAutomationData } from './automation.rpc';
import { ChangeParticipantsData, ListTasksData, UpdateProjectData } from './task.rpc';
import { AddTransitionData, ChangeTransitionData } from './transition.rpc';
import { CreateOrderData, ListOrdersData, TransferOrderData, UpdateWorkflowData } from './workflow.rpc';

// The options of the RPC boundary (libs/service-kit/src/rpc-validation.interceptor.ts).
const OPTIONS = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: false };

const TASK = '0192f0c4-0000-7000-8000-0000000000a1';
const ANN = '0192f0c4-0000-7000-8000-0000000000b1';
const GROUP = '0192f0c4-0000-7000-8000-0000000000c1';
const STATUS = '0192f0c4-0000-7000-8000-0000000000d1';
const OTHER_STATUS = '0192f0c4-0000-7000-8000-0000000000d2';

/** The data as a handler receives it, and the fields the boundary would name in its 422. */
async function received<T extends object>(contract: new () => T, data: object): Promise<{ value: T; fields: string[] }> {
  const value = plainToInstance(contract, data);
  return { value, fields: fieldProblems(await validate(value, OPTIONS)).map((problem) => problem.field) };
}

describe('workflow request classes: ids', () => {
  it('hands the handler ids lower-cased, at any depth, so they compare equal to ids read from the database', async () => {
    const { value, fields } = await received(ChangeParticipantsData, {
      taskId: TASK.toUpperCase(),
      add: [{ personId: ANN.toUpperCase(), role: 'assignee' }],
      remove: [{ personId: ANN.toUpperCase(), role: 'assigner' }],
    });
    expect(fields).toEqual([]);
    expect(value).toEqual({ taskId: TASK, add: [{ personId: ANN, role: 'assignee' }], remove: [{ personId: ANN, role: 'assigner' }] });

    const grants = await received(ChangeTransitionData, {
      workflowId: TASK,
      transitionId: TASK,
      grants: { groupIds: [GROUP.toUpperCase()] },
    });
    expect(grants.fields).toEqual([]);
    expect(grants.value.grants.groupIds).toEqual([GROUP]);
  });

  it('refuses an id that is not a UUID, and a role that does not exist, naming each', async () => {
    const { fields } = await received(ChangeParticipantsData, { taskId: 'task-1', remove: [{ personId: 'ann', role: 'boss' }] });
    expect(fields.sort()).toEqual(['remove.0.personId', 'remove.0.role', 'taskId']);
  });

  it('refuses bad grants of a transition: an unknown role or kind, a group that is not an id, an unknown field', async () => {
    const { fields } = await received(AddTransitionData, {
      workflowId: TASK,
      fromStatusId: STATUS,
      toStatusId: OTHER_STATUS,
      grants: { roles: [{ role: 'boss', kind: 'everyone' }], groupIds: ['admins'], everyone: true },
    });
    expect(fields.sort()).toEqual(['grants.everyone', 'grants.groupIds', 'grants.roles.0.kind', 'grants.roles.0.role']);
  });
});

describe('workflow request classes: text', () => {
  it('trims titles, names and searches once, for every handler', async () => {
    expect((await received(CreateOrderData, { title: '  Cracked screen ' })).value.title).toBe('Cracked screen');
    expect(
      (await received(UpdateWorkflowData, { workflowId: TASK, statuses: [{ name: ' Open ', category: 'initial' }] })).value.statuses?.[0]
        ?.name,
    ).toBe('Open');
    const search = await received(ListOrdersData, {
      visibleStatusIds: [STATUS],
      scope: { departmentIds: 'all', contactId: null, managedCompanyIds: [] },
      search: ' 42 ',
      limit: 20,
    });
    expect([search.fields, search.value.search]).toEqual([[], '42']);
  });

  it('refuses text longer than the gateway takes', async () => {
    expect((await received(CreateOrderData, { title: 'x'.repeat(201) })).fields).toEqual(['title']);
  });
});

describe('workflow request classes: required, nullable and partial', () => {
  it('takes null where a field may be cleared, and refuses a required field left out', async () => {
    expect(
      (await received(CreateOrderData, { title: 'x', responsibleId: null, departmentId: null, clientContactId: null, equipmentId: null }))
        .fields,
    ).toEqual([]);
    const decision = { code: 'ALLOWED.TRANSFER', policyVersion: 3 };
    expect(
      (await received(TransferOrderData, { orderId: TASK, departmentId: STATUS, expectedDepartmentId: null, decision })).fields,
    ).toEqual([]);
    expect((await received(TransferOrderData, { orderId: TASK, departmentId: STATUS, decision })).fields).toEqual(['expectedDepartmentId']);
  });

  it('requires the visibility rule of a list: no scope, no list', async () => {
    expect((await received(ListOrdersData, { visibleStatusIds: [STATUS], limit: 20 })).fields).toEqual(['scope']);
    expect((await received(ListTasksData, { limit: 20 })).fields).toEqual(['visibility']);
    const badScope = await received(ListOrdersData, {
      visibleStatusIds: [STATUS],
      scope: { departmentIds: 'some', contactId: null, managedCompanyIds: [] },
      limit: 20,
    });
    expect(badScope.fields).toContain('scope.departmentIds');
  });

  it('takes a patch of any of the fields, checked as on create, and nothing else', async () => {
    const patch = await received(UpdateProjectData, { projectId: TASK, changes: { name: ' Lease ' } });
    expect([patch.fields, patch.value.changes.name]).toEqual([[], 'Lease']);
    expect(
      (await received(UpdateProjectData, { projectId: TASK, changes: { defaultAuditorIds: ['ann'], owner: ANN } })).fields.sort(),
    ).toEqual(['changes.defaultAuditorIds', 'changes.owner']);
    expect((await received(UpdateAutomationData, { ruleId: TASK, changes: { actions: { departmentId: 'sales' } } })).fields).toEqual([
      'changes.actions.departmentId',
    ]);
    expect((await received(UpdateAutomationData, { ruleId: TASK, changes: { actions: { responsibleId: null } } })).fields).toEqual([
      'changes.actions.responsibleId',
    ]);
  });
});
