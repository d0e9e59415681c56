import { evaluateAutomationConditions } from './automation-conditions.policy';

const ACME = '01900000-0000-7000-8000-00000000000a';
const GLOBEX = '01900000-0000-7000-8000-00000000000b';
const SUPPORT = '01900000-0000-7000-8000-00000000000c';
const NEW = '01900000-0000-7000-8000-00000000000d';
const MAIL = '01900000-0000-7000-8000-00000000000e';
const order = { clientCompanyId: ACME, departmentId: SUPPORT, channelId: MAIL, status: { id: NEW, name: 'New' } };

describe('evaluateAutomationConditions', () => {
  it('a rule without conditions matches every order', () => {
    expect(evaluateAutomationConditions({}, order)).toEqual({ matched: true, results: [] });
  });

  it('matches when every stated condition holds', () => {
    const verdict = evaluateAutomationConditions(
      { clientCompanyIds: [GLOBEX, ACME], departmentIds: [SUPPORT], statusIds: [NEW], channelIds: [MAIL] },
      order,
    );
    expect(verdict.matched).toBe(true);
    expect(verdict.results.map((result) => [result.condition, result.holds])).toEqual([
      ['clientCompanyIds', true],
      ['departmentIds', true],
      ['statusIds', true],
      ['channelIds', true],
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
});
