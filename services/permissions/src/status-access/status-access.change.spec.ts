import { withGroupLevels, withPersonLevels } from './status-access.change';
import { effectiveLevel, mayChangeClosed } from './status-levels.policy';
import type { GroupFact, PersonLevelFacts, StatusFact } from './status-levels.policy';

const ready: StatusFact = { statusId: 's-ready', name: 'Ready', category: 'active', archived: false };
const masters: GroupFact = { id: 'g-m', name: 'Masters', systemKey: null, levels: { 's-ready': 'set' } };
const employees: GroupFact = { id: 'g-e', name: 'Employee', systemKey: 'employee', levels: {} };
const facts: PersonLevelFacts = { groups: [masters], overrides: { 's-ready': 'view' }, mayChangeClosed: null };

describe('a status-access change applied in memory', () => {
  it('a personal level replaces the override; null removes it, so the groups decide again', () => {
    expect(effectiveLevel(ready, withPersonLevels(facts, [{ statusId: 's-ready', level: 'none' }], undefined)).level).toBe('none');
    expect(effectiveLevel(ready, withPersonLevels(facts, [{ statusId: 's-ready', level: null }], undefined)).level).toBe('set');
  });

  it('the flag changes only when given; null restores the default', () => {
    expect(withPersonLevels({ ...facts, mayChangeClosed: true }, [], undefined).mayChangeClosed).toBe(true);
    expect(mayChangeClosed(withPersonLevels({ ...facts, mayChangeClosed: true }, [], null))).toEqual({ allowed: false, explicit: false });
    expect(mayChangeClosed(withPersonLevels(facts, [], true))).toEqual({ allowed: true, explicit: true });
  });

  it('a group level changes that group only; null restores its default', () => {
    const person: PersonLevelFacts = { groups: [masters, employees], overrides: {}, mayChangeClosed: null };
    const lowered = withGroupLevels(person, 'g-m', [{ statusId: 's-ready', level: 'none' }]);
    expect(lowered.groups.map((group) => group.levels)).toEqual([{ 's-ready': 'none' }, {}]);
    expect(withGroupLevels(person, 'g-m', [{ statusId: 's-ready', level: null }]).groups[0]!.levels).toEqual({});
    expect(person.groups[0]!.levels).toEqual({ 's-ready': 'set' });
  });
});
