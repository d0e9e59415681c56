import { actionChange, changes, explainChanges, levelActions, NO_ORDERS, taskReachOf, taskSightOf } from './person-preview.policy';
import type { GroupFact, PersonLevelFacts, StatusFact } from '../status-access/status-levels.policy';
import type { PreviewFacts } from './person-facts.change';

const ready: StatusFact = { statusId: 's-ready', name: 'Ready', category: 'active', archived: false };
const closed: StatusFact = { statusId: 's-closed', name: 'Closed', category: 'final', archived: false };
const employees: GroupFact = { id: 'g-e', name: 'Employee', systemKey: 'employee', levels: {} };

function facts(overrides: PersonLevelFacts['overrides'] = {}, flag: boolean | null = null): PersonLevelFacts {
  return { groups: [employees], overrides, mayChangeClosed: flag };
}

describe('permission preview: actions and who is listed', () => {
  it('order.status.set on every status with level set, as the status rule decides it', () => {
    expect(levelActions([ready, closed], facts())).toEqual([{ action: 'order.status.set', statusId: 's-ready' }]);
    expect(levelActions([ready, closed], facts({ 's-ready': 'view' }))).toEqual([]);
  });

  it('order.closed.change with the closed-order flag in force', () => {
    expect(levelActions([], facts({}, true))).toEqual([{ action: 'order.closed.change' }]);
    expect(levelActions([], facts({}, null))).toEqual([]);
  });

  it('lists the actions lost and gained, nothing for the ones kept', () => {
    const before = levelActions([ready, closed], facts());
    const after = levelActions([ready, closed], facts({ 's-ready': 'none', 's-closed': 'set' }, true));
    expect(actionChange(before, after)).toEqual({
      lose: [{ action: 'order.status.set', statusId: 's-ready' }],
      gain: [{ action: 'order.status.set', statusId: 's-closed' }, { action: 'order.closed.change' }],
    });
    expect(actionChange(before, before)).toEqual({ lose: [], gain: [] });
  });

  it('a person whose sight and actions stay is left out', () => {
    const none = {
      personId: 'p',
      orders: { lose: NO_ORDERS, gain: NO_ORDERS },
      tasks: { lose: NO_ORDERS, gain: NO_ORDERS },
      actions: { lose: [], gain: [] },
      explain: [],
    };
    expect(changes(none)).toBe(false);
    expect(
      changes({ ...none, orders: { lose: { total: 1, byStatus: [{ statusId: 's', count: 1 }], sample: ['o'] }, gain: NO_ORDERS } }),
    ).toBe(true);
    expect(changes({ ...none, actions: { lose: [], gain: [{ action: 'order.closed.change' }] } })).toBe(true);
  });
});

describe('permission preview: explained in the terms of /permissions/explain', () => {
  const employeeRights = { id: 'g-e', name: 'Employee', rights: ['auth.login', 'orders.read'], loginBarred: false };
  const person = (levels: PersonLevelFacts, rights: Partial<PreviewFacts['rights']> = {}): PreviewFacts => ({
    levels,
    rights: { known: true, deleted: false, groups: [employeeRights], overrides: [], ...rights },
  });

  it('names each decision the change turns, with the code and sentence explain gives, and nothing that stays', () => {
    const before = person(facts());
    const after = person(facts({ 's-ready': 'none' }, true), { overrides: [{ right: 'orders.read', effect: 'deny' }] });
    const turned = explainChanges([ready, closed], before, after);
    expect(turned.map((entry) => [entry.action, entry.statusId ?? null])).toEqual([
      ['orders.read', null],
      ['order.status.level', 's-ready'],
      ['order.closed.change', null],
    ]);
    expect(turned[0]).toEqual({
      action: 'orders.read',
      before: { code: 'ALLOWED.GROUP', reason: expect.any(String) },
      after: { code: 'RIGHT.DENIED_PERSONALLY', reason: "The right 'orders.read' is denied to this person personally" },
    });
    expect(turned[1]).toMatchObject({ before: { code: 'set' }, after: { code: 'none', reason: "personal override 'none' on 'Ready'" } });
    expect(turned[2]).toMatchObject({ before: { code: 'DENIED' }, after: { code: 'ALLOWED' } });
  });

  it('is empty when the change turns nothing', () => {
    expect(explainChanges([ready, closed], person(facts()), person(facts()))).toEqual([]);
  });
});

describe('permission preview: task lists, by the rules of the task lists', () => {
  const group = (rights: string[]) => ({ id: 'g', name: 'G', rights, loginBarred: false }) as never;
  const person = (rights: string[], deleted = false) => ({
    levels: facts(),
    rights: { known: true, deleted, groups: [group(rights)], overrides: [] },
  });
  const departments = [
    { id: 'd-1', memberIds: ['p', 'q'], headId: 'h' },
    { id: 'd-2', memberIds: ['r'], headId: null },
  ];

  it('own tasks with tasks.read, the departments’ people’s with tasks.read-department, all with tasks.read-all', () => {
    expect(taskSightOf('p', taskReachOf(person(['tasks.read']), 'employee'), departments)).toEqual({
      participantIds: ['p'],
      departmentMemberIds: [],
    });
    expect(taskSightOf('p', taskReachOf(person(['tasks.read', 'tasks.read-department']), 'employee'), departments)).toEqual({
      participantIds: ['p'],
      departmentMemberIds: ['h', 'p', 'q'],
    });
    expect(taskSightOf('p', taskReachOf(person(['tasks.read', 'tasks.read-all']), 'employee'), departments)).toMatchObject({ all: true });
  });

  it('nothing without tasks.read or when deleted; a contact only its own, whatever its rights', () => {
    const none = { participantIds: [], departmentMemberIds: [] };
    expect(taskSightOf('p', taskReachOf(person(['tasks.read-all']), 'employee'), departments)).toEqual(none);
    expect(taskSightOf('p', taskReachOf(person(['tasks.read'], true), 'employee'), departments)).toEqual(none);
    expect(taskSightOf('p', taskReachOf(person(['tasks.read', 'tasks.read-all']), 'contact'), departments)).toEqual({
      participantIds: ['p'],
      departmentMemberIds: [],
    });
  });
});
