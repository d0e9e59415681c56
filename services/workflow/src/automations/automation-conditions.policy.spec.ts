import { evaluateAutomationConditions } from './automation-conditions.policy';

const ACME = '01900000-0000-7000-8000-00000000000a';
const GLOBEX = '01900000-0000-7000-8000-00000000000b';
const SUPPORT = '01900000-0000-7000-8000-00000000000c';
const NEW = '01900000-0000-7000-8000-00000000000d';
const MAIL = '01900000-0000-7000-8000-00000000000e';
const order = { clientCompanyId: ACME, departmentId: SUPPORT, channelId: MAIL, tags: ['printer', 'vip'], status: { id: NEW, name: 'New' } };

describe('evaluateAutomationConditions', () => {
  it('a rule without conditions matches every order', () => {
    expect(evaluateAutomationConditions({}, order)).toEqual({ matched: true, results: [] });
  });

  it('matches when every stated condition holds', () => {
    const verdict = evaluateAutomationConditions(
      { clientCompanyIds: [GLOBEX, ACME], departmentIds: [SUPPORT], statusIds: [NEW], channelIds: [MAIL], tags: ['vip'] },
      order,
    );
    expect(verdict.matched).toBe(true);
    expect(verdict.results.map((result) => [result.condition, result.holds])).toEqual([
      ['clientCompanyIds', true],
      ['departmentIds', true],
      ['statusIds', true],
      ['channelIds', true],
      ['tags', true],
    ]);
  });

  it('another company fails the company condition, and the rule, even when the others hold', () => {
    const verdict = evaluateAutomationConditions({ clientCompanyIds: [GLOBEX], statusIds: [NEW] }, order);
    expect(verdict.matched).toBe(false);
    expect(verdict.results).toEqual([
      { condition: 'clientCompanyIds', holds: false, detail: `The order's client company ${ACME} is not one of the rule's` },
      { condition: 'statusIds', holds: true, detail: `The order's status 'New' ${NEW} is one of the rule's` },
    ]);
  });

  it('an order without a company, department or channel matches no list', () => {
    const bare = { ...order, clientCompanyId: null, departmentId: null, channelId: null };
    expect(evaluateAutomationConditions({ clientCompanyIds: [ACME] }, bare).matched).toBe(false);
    expect(evaluateAutomationConditions({ departmentIds: [SUPPORT] }, bare).matched).toBe(false);
    expect(evaluateAutomationConditions({ channelIds: [MAIL] }, bare)).toEqual({
      matched: false,
      results: [{ condition: 'channelIds', holds: false, detail: "The order's channel none is not one of the rule's" }],
    });
  });

  it('an order that came in through another channel fails the channel condition', () => {
    const verdict = evaluateAutomationConditions({ channelIds: [GLOBEX] }, order);
    expect(verdict.results).toEqual([
      { condition: 'channelIds', holds: false, detail: `The order's channel ${MAIL} is not one of the rule's` },
    ]);
  });

  it('another status fails the status condition', () => {
    expect(evaluateAutomationConditions({ statusIds: [GLOBEX] }, order).matched).toBe(false);
  });

  it("tags hold when the order has at least one of the rule's", () => {
    expect(evaluateAutomationConditions({ tags: ['urgent', 'vip'] }, order)).toEqual({
      matched: true,
      results: [{ condition: 'tags', holds: true, detail: "The order has the rule's tag 'vip'" }],
    });
    expect(evaluateAutomationConditions({ tags: ['printer', 'vip'] }, order).results[0]?.detail).toBe(
      "The order has the rule's tag 'printer', 'vip'",
    );
  });

  it('tags fail when the order has none of them, or no tags at all', () => {
    expect(evaluateAutomationConditions({ tags: ['urgent', 'billing'] }, order)).toEqual({
      matched: false,
      results: [
        { condition: 'tags', holds: false, detail: "The order's tags ('printer', 'vip') are none of the rule's ('urgent', 'billing')" },
      ],
    });
    expect(evaluateAutomationConditions({ tags: ['vip'] }, { ...order, tags: [] }).results).toEqual([
      { condition: 'tags', holds: false, detail: "The order's tags (none) are none of the rule's ('vip')" },
    ]);
  });

  it('tags are judged after the lists and before the contact tests, and fail the rule even when the others hold', () => {
    const verdict = evaluateAutomationConditions(
      { tags: ['urgent'], clientCompanyIds: [ACME], contactFields: [{ field: 'phone', operator: 'absent' }] },
      order,
      {
        email: 'road@acme.example',
        emailIsPlaceholder: false,
        phone: null,
        firstName: 'Runner',
        lastName: 'Road',
        middleName: null,
        branchId: null,
        responsibleEmployeeId: null,
        status: 'active',
      },
    );
    expect(verdict.matched).toBe(false);
    expect(verdict.results.map((result) => [result.condition, result.holds])).toEqual([
      ['clientCompanyIds', true],
      ['tags', false],
      ['contactFields', true],
    ]);
  });
});
