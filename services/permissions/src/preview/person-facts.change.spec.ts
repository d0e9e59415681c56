import type { PersonFacts } from '../check/decision.policy';
import type { ScopeFacts } from '../order-access/order-visibility.policy';
import type { GroupFact, StatusFact } from '../status-access/status-levels.policy';
import { departmentViewers } from '../order-access/order-visibility.policy';
import { withDepartment, withGroupJoined, withGroupLeft, withGroupUpdated, withOverride } from './person-facts.change';
import type { PreviewFacts } from './person-facts.change';
import { actionChange, sideOf } from './person-preview.policy';

const ready: StatusFact = { statusId: 's-ready', name: 'Ready', category: 'active', archived: false };
const employeeLevels: GroupFact = { id: 'g-e', name: 'Employee', systemKey: 'employee', levels: {} };
const employeeRights = { id: 'g-e', name: 'Employee', rights: ['auth.login', 'orders.read'], loginBarred: false };
const headsLevels: GroupFact = { id: 'g-h', name: 'Heads', systemKey: null, levels: {} };
const headsRights = { id: 'g-h', name: 'Heads', rights: ['departments.all'], loginBarred: false };
const scope: ScopeFacts = {
  kind: 'employee',
  departmentIds: ['d-1'],
  managedCompanyIds: [],
  companyId: null,
  allDepartments: { allowed: false, reason: '' },
};

function facts(rights: Partial<PersonFacts> = {}): PreviewFacts {
  return {
    levels: { groups: [employeeLevels], overrides: {}, mayChangeClosed: null },
    rights: { known: true, deleted: false, groups: [employeeRights], overrides: [], ...rights },
  };
}

const side = (f: PreviewFacts) => sideOf('p', [ready], f, scope);

describe('permission preview: group and right changes on one person, decided by the real rules', () => {
  it('joining a group with departments.all widens the order scope and adds the right; leaving takes both back', () => {
    const joined = withGroupJoined(facts(), headsLevels, headsRights);
    expect(side(facts()).sight.scope.departmentIds).toEqual(['d-1']);
    expect(side(joined).sight.scope.departmentIds).toBe('all');
    expect(actionChange(side(facts()).actions, side(joined).actions)).toEqual({ lose: [], gain: [{ action: 'departments.all' }] });
    expect(withGroupLeft(joined, 'g-h')).toEqual(facts());
  });

  it('joining a group one is in already changes nothing', () => {
    const once = withGroupJoined(facts(), headsLevels, headsRights);
    expect(withGroupJoined(once, headsLevels, headsRights)).toBe(once);
  });

  it('a group losing orders.read empties its members’ order lists unless another grant holds', () => {
    const without = withGroupUpdated(facts(), 'g-e', { rights: ['auth.login'] });
    expect(side(facts()).sight.statusIds).toEqual(['s-ready']);
    expect(side(without).sight.statusIds).toEqual([]);
    expect(side(withOverride(without, 'orders.read', 'allow')).sight.statusIds).toEqual(['s-ready']);
  });

  it('a login bar shows as auth.login lost, even with a personal grant', () => {
    const granted = withOverride(facts(), 'auth.login', 'allow');
    const barred = withGroupUpdated(granted, 'g-e', { loginBarred: true });
    expect(actionChange(side(granted).actions, side(barred).actions)).toEqual({ lose: [{ action: 'auth.login' }], gain: [] });
  });

  it('a personal deny wins over the groups; removing the override gives the groups back the say', () => {
    const denied = withOverride(facts(), 'orders.read', 'deny');
    expect(side(denied).sight.statusIds).toEqual([]);
    expect(withOverride(denied, 'orders.read', null).rights.overrides).toEqual([]);
  });

  it('a deleted person sees and may do nothing before or after', () => {
    const deleted = facts({ deleted: true });
    for (const one of [deleted, withGroupJoined(deleted, headsLevels, headsRights)])
      expect(side(one)).toMatchObject({ sight: { statusIds: [] }, actions: [] });
  });
});

describe('permission preview: a department change on one person, placed as the read model will hold it', () => {
  const department = (memberIds: string[], headId: string | null) => departmentViewers({ memberIds, headId });

  it('a member or the head after the change has the department among its departments, in the read model’s order', () => {
    const joined = withDepartment(scope, 'p', 'd-0', department(['p'], null));
    expect(joined.departmentIds).toEqual(['d-0', 'd-1']);
    expect(side(facts()).sight.scope.departmentIds).toEqual(['d-1']);
    expect(sideOf('p', [ready], facts(), joined).sight.scope.departmentIds).toEqual(['d-0', 'd-1']);
    expect(withDepartment(scope, 'p', 'd-0', department([], 'p')).departmentIds).toEqual(['d-0', 'd-1']);
  });

  it('staying in it (member to head) changes nothing; leaving it takes it away', () => {
    expect(withDepartment(scope, 'p', 'd-1', department([], 'p'))).toBe(scope);
    expect(withDepartment(scope, 'p', 'd-1', department(['q'], 'q')).departmentIds).toEqual([]);
    expect(withDepartment(scope, 'p', 'd-9', department(['q'], null))).toBe(scope);
  });

  it('a head who is also a member counts once', () => {
    expect(department(['p', 'q'], 'p')).toEqual(['p', 'q']);
    expect(department(['q'], 'p')).toEqual(['q', 'p']);
  });
});
