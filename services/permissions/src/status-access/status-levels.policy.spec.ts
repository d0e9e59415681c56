import { defaultGroupLevel, effectiveLevel, mayChangeClosed } from './status-levels.policy';
import type { GroupFact, PersonLevelFacts, StatusFact } from './status-levels.policy';

const ready: StatusFact = { statusId: 's-ready', name: 'Ready', category: 'active', archived: false };
const closed: StatusFact = { statusId: 's-closed', name: 'Closed', category: 'final', archived: false };
const administrators: GroupFact = { id: 'g-a', name: 'Administrator', systemKey: 'administrator', levels: {} };
const employees: GroupFact = { id: 'g-e', name: 'Employee', systemKey: 'employee', levels: {} };
const clients: GroupFact = { id: 'g-c', name: 'Client', systemKey: 'client', levels: {} };
const masters: GroupFact = { id: 'g-m', name: 'Masters', systemKey: null, levels: { 's-ready': 'view' } };

function facts(groups: GroupFact[], overrides: PersonLevelFacts['overrides'] = {}, flag: boolean | null = null): PersonLevelFacts {
  return { groups, overrides, mayChangeClosed: flag };
}

describe('status levels', () => {
  it.each([
    ['administrator', 'active', 'set'],
    ['administrator', 'final', 'set'],
    ['employee', 'initial', 'set'],
    ['employee', 'final', 'view'],
    ['client', 'active', 'view'],
    ['client', 'initial', 'set'],
    ['client', 'final', 'view'],
    [null, 'active', 'none'],
  ] as const)('default of group %s on a %s status is %s', (key, category, level) => {
    expect(defaultGroupLevel(key, category)).toBe(level);
  });

  it('takes the highest level among the groups', () => {
    expect(effectiveLevel(ready, facts([masters, employees]))).toMatchObject({ level: 'set', source: 'default', groupLevel: 'set' });
    expect(effectiveLevel(ready, facts([masters, clients]))).toMatchObject({ level: 'view', source: 'group' });
  });

  it('a personal override wins over the groups, in both directions', () => {
    expect(effectiveLevel(ready, facts([administrators], { 's-ready': 'none' }))).toMatchObject({
      level: 'none',
      source: 'person',
      groupLevel: 'set',
    });
    expect(effectiveLevel(closed, facts([clients], { 's-closed': 'set' }))).toMatchObject({
      level: 'set',
      source: 'person',
      override: 'set',
    });
  });

  it('without groups or overrides the level is none', () => {
    expect(effectiveLevel(ready, facts([]))).toMatchObject({ level: 'none', source: 'default' });
  });

  describe('task statuses: the same model, with the task default', () => {
    const review: StatusFact = { statusId: 's-review', name: 'Review', category: 'final', archived: false, kind: 'task' };

    it('default: everyone may set every task status, whatever its groups or category', () => {
      for (const groups of [[], [clients], [employees], [masters]]) {
        expect(effectiveLevel(review, facts(groups))).toMatchObject({ level: 'set', source: 'default' });
      }
      expect(defaultGroupLevel(null, 'final', 'task')).toBe('set');
    });

    it('the highest level among groups, and a personal override wins', () => {
      const lawyers: GroupFact = { id: 'g-l', name: 'Lawyers', systemKey: null, levels: { 's-review': 'none' } };
      const clerks: GroupFact = { id: 'g-k', name: 'Clerks', systemKey: null, levels: { 's-review': 'view' } };
      expect(effectiveLevel(review, facts([lawyers, clerks]))).toMatchObject({ level: 'view', source: 'group' });
      expect(effectiveLevel(review, facts([lawyers]))).toMatchObject({ level: 'none', source: 'group' });
      expect(effectiveLevel(review, facts([], { 's-review': 'view' }))).toMatchObject({
        level: 'view',
        source: 'person',
        groupLevel: 'set',
      });
    });
  });

  it('may change closed orders: the personal flag, else administrators only', () => {
    expect(mayChangeClosed(facts([administrators]))).toEqual({ allowed: true, explicit: false });
    expect(mayChangeClosed(facts([employees]))).toEqual({ allowed: false, explicit: false });
    expect(mayChangeClosed(facts([employees], {}, true))).toEqual({ allowed: true, explicit: true });
    expect(mayChangeClosed(facts([administrators], {}, false))).toEqual({ allowed: false, explicit: true });
  });
});
