import { eventTypeProblem, matchesEventTypes } from './event-type.filter';

describe('event type filters', () => {
  it('accepts known types, prefixes of known types and the wildcard', () => {
    expect(eventTypeProblem('workflow.order.status-changed.v1')).toBeUndefined();
    expect(eventTypeProblem('workflow.order.*')).toBeUndefined();
    expect(eventTypeProblem('*')).toBeUndefined();
  });

  it('refuses unknown types and prefixes of nothing', () => {
    expect(eventTypeProblem('workflow.order.exploded.v1')).toBe('is not a known event type');
    expect(eventTypeProblem('billing.*')).toBe('is a prefix of no known event type');
  });

  it('matches exact types and prefixes', () => {
    expect(matchesEventTypes(['workflow.order.*'], 'workflow.order.created.v1')).toBe(true);
    expect(matchesEventTypes(['workflow.order.created.v1'], 'workflow.order.status-changed.v1')).toBe(false);
    expect(matchesEventTypes(['identity.employee.created.v1', 'directory.*'], 'directory.branch.created.v1')).toBe(true);
  });
});
