import { decideRight, effectiveRights, evaluateRights } from './decision.policy';
import type { PersonFacts } from './decision.policy';

const employees = { id: 'g-emp', name: 'Employee', rights: ['auth.login', 'staff.read'], loginBarred: false };
const managers = { id: 'g-man', name: 'Managers', rights: ['staff.manage', 'auth.login'], loginBarred: false };
const barred = { id: 'g-bar', name: 'Seasonal', rights: ['auth.login'], loginBarred: true };

function person(overrides: Partial<PersonFacts> = {}): PersonFacts {
  return { known: true, deleted: false, groups: [employees], overrides: [], ...overrides };
}

describe('decision rules', () => {
  describe('the person must be active', () => {
    it('refuses a person permissions does not know', () => {
      expect(decideRight('staff.read', person({ known: false }))).toMatchObject({ allowed: false, code: 'PERSON.UNKNOWN' });
    });

    it('refuses a deleted person even for rights its groups grant', () => {
      expect(decideRight('staff.read', person({ deleted: true }))).toMatchObject({ allowed: false, code: 'PERSON.DELETED' });
    });
  });

  describe('group rights', () => {
    it('allows a right one of its groups grants, naming the group', () => {
      const verdict = decideRight('staff.manage', person({ groups: [employees, managers] }));
      expect(verdict).toMatchObject({ allowed: true, code: 'ALLOWED.GROUP' });
      expect(verdict.reason).toContain("'Managers'");
    });

    it('refuses a right no group grants, saying which groups were asked', () => {
      const verdict = decideRight('staff.manage', person());
      expect(verdict).toMatchObject({ allowed: false, code: 'RIGHT.NOT_GRANTED' });
      expect(verdict.reason).toContain("'Employee'");
      expect(verdict.reason).toContain('staff.manage');
    });

    it('refuses everything to a person without groups', () => {
      expect(decideRight('auth.login', person({ groups: [] }))).toMatchObject({ allowed: false, code: 'RIGHT.NOT_GRANTED' });
    });

    it('refuses an action that is not in the catalog', () => {
      expect(decideRight('orders.fly', person())).toMatchObject({ allowed: false, code: 'ACTION.UNKNOWN' });
    });
  });

  describe('personal overrides', () => {
    it('a personal deny wins over every group', () => {
      const verdict = decideRight('staff.manage', person({ groups: [managers], overrides: [{ right: 'staff.manage', effect: 'deny' }] }));
      expect(verdict).toMatchObject({ allowed: false, code: 'RIGHT.DENIED_PERSONALLY' });
    });

    it('a personal allow grants what no group grants', () => {
      const verdict = decideRight('staff.manage', person({ overrides: [{ right: 'staff.manage', effect: 'allow' }] }));
      expect(verdict).toMatchObject({ allowed: true, code: 'ALLOWED.PERSONAL_OVERRIDE' });
    });

    it('an override of another right changes nothing', () => {
      const verdict = decideRight('staff.read', person({ overrides: [{ right: 'staff.manage', effect: 'deny' }] }));
      expect(verdict).toMatchObject({ allowed: true, code: 'ALLOWED.GROUP' });
    });
  });

  describe('login bar', () => {
    it('a barred group refuses login even when another group grants it', () => {
      const verdict = decideRight('auth.login', person({ groups: [employees, barred] }));
      expect(verdict).toMatchObject({ allowed: false, code: 'LOGIN.GROUP_BARRED' });
      expect(verdict.reason).toContain("'Seasonal'");
    });

    it('a barred group refuses login even over a personal allow', () => {
      const verdict = decideRight('auth.login', person({ groups: [barred], overrides: [{ right: 'auth.login', effect: 'allow' }] }));
      expect(verdict).toMatchObject({ allowed: false, code: 'LOGIN.GROUP_BARRED' });
    });

    it('a barred group does not refuse other rights', () => {
      expect(decideRight('staff.read', person({ groups: [employees, barred] }))).toMatchObject({ allowed: true, code: 'ALLOWED.GROUP' });
    });

    it('without a barred group, login follows the groups', () => {
      expect(decideRight('auth.login', person())).toMatchObject({ allowed: true, code: 'ALLOWED.GROUP' });
    });
  });

  describe('explanation steps', () => {
    it('lists the rules in the order they were applied', () => {
      const verdict = decideRight('auth.login', person({ groups: [employees] }));
      expect(verdict.steps.map((step) => `${step.rule}:${step.effect}`)).toEqual([
        'person.active:none',
        'group.login-barred:none',
        'override.personal:none',
        'group.rights:allow',
      ]);
    });

    it('stops at the deciding rule', () => {
      const verdict = decideRight('staff.read', person({ overrides: [{ right: 'staff.read', effect: 'deny' }] }));
      expect(verdict.steps.map((step) => `${step.rule}:${step.effect}`)).toEqual(['person.active:none', 'override.personal:deny']);
    });
  });

  describe('several rights in a row', () => {
    const clerks = { id: 'g-clerk', name: 'Clerks', rights: ['orders.update', 'orders.read'], loginBarred: false };

    it('allows when every right is granted, answering with the last', () => {
      const steps: Parameters<typeof evaluateRights>[2] = [];
      const verdict = evaluateRights(['orders.update', 'orders.read'], person({ groups: [clerks] }), steps);
      expect([verdict.allowed, verdict.code]).toEqual([true, 'ALLOWED.GROUP']);
      expect(steps.filter((step) => step.rule === 'group.rights').map((step) => step.detail)).toHaveLength(2);
    });

    it('refuses at the first right refused, naming it, and takes no later step', () => {
      const steps: Parameters<typeof evaluateRights>[2] = [];
      const denied = person({ groups: [clerks], overrides: [{ right: 'orders.update', effect: 'deny' }] });
      const verdict = evaluateRights(['orders.update', 'orders.read'], denied, steps);
      expect([verdict.allowed, verdict.code]).toEqual([false, 'RIGHT.DENIED_PERSONALLY']);
      expect(steps.map((step) => step.detail).join(' ')).not.toContain("'orders.read'");
    });

    it('refuses when a later right is refused, though the first is granted', () => {
      const steps: Parameters<typeof evaluateRights>[2] = [];
      const verdict = evaluateRights(
        ['orders.update', 'orders.read'],
        person({ groups: [clerks], overrides: [{ right: 'orders.read', effect: 'deny' }] }),
        steps,
      );
      expect([verdict.allowed, verdict.code, verdict.reason]).toEqual([
        false,
        'RIGHT.DENIED_PERSONALLY',
        "The right 'orders.read' is denied to this person personally",
      ]);
    });
  });

  it('effective rights apply the same rules', () => {
    const rights = effectiveRights(person({ groups: [employees, barred], overrides: [{ right: 'orders.read', effect: 'allow' }] }));
    expect(rights.sort()).toEqual(['orders.read', 'staff.read']);
  });
});
