import type { TaskParticipantView } from '@warden/contracts';
import { lastAssignerRemoval } from './assigner.policy';

const ANN = '0192f0c4-0000-7000-8000-00000000000a';
const BOB = '0192f0c4-0000-7000-8000-00000000000b';
const CAT = '0192f0c4-0000-7000-8000-00000000000c';
const assigner = (personId: string): TaskParticipantView => ({ personId, kind: 'employee', role: 'assigner' });
const assignee = (personId: string): TaskParticipantView => ({ personId, kind: 'employee', role: 'assignee' });

describe('a task keeps at least one assigner', () => {
  it('refuses removing the only assigner, naming that removal', () => {
    expect(
      lastAssignerRemoval(
        [assigner(ANN), assignee(BOB)],
        [],
        [
          { personId: BOB, role: 'assignee' },
          { personId: ANN, role: 'assigner' },
        ],
      ),
    ).toBe(1);
  });

  it('refuses removing every assigner, naming the removal that takes the last one', () => {
    expect(
      lastAssignerRemoval(
        [assigner(ANN), assigner(BOB)],
        [],
        [
          { personId: ANN, role: 'assigner' },
          { personId: ANN, role: 'assigner' },
          { personId: BOB, role: 'assigner' },
        ],
      ),
    ).toBe(2);
  });

  it('allows removing one of two assigners', () => {
    expect(lastAssignerRemoval([assigner(ANN), assigner(BOB)], [], [{ personId: ANN, role: 'assigner' }])).toBeNull();
  });

  it('allows replacing the only assigner in one change', () => {
    expect(lastAssignerRemoval([assigner(ANN)], [assigner(CAT)], [{ personId: ANN, role: 'assigner' }])).toBeNull();
  });

  it('allows removing the assigner from its other roles, and removing someone who is not an assigner', () => {
    expect(
      lastAssignerRemoval(
        [assigner(ANN), assignee(ANN)],
        [],
        [
          { personId: ANN, role: 'assignee' },
          { personId: BOB, role: 'assigner' },
        ],
      ),
    ).toBeNull();
  });

  it('does not refuse a change that removes no assigner from a task that had none', () => {
    expect(lastAssignerRemoval([assignee(BOB)], [], [{ personId: BOB, role: 'assignee' }])).toBeNull();
  });
});
