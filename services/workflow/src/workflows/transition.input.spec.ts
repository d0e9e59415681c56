import { DomainError } from '@warden/kernel';
import { resolveTransition, resolveTransitions, statusIdReferences } from './transition.input';

const OPEN = '01900000-0000-7000-8000-00000000000a';
const DONE = '01900000-0000-7000-8000-00000000000b';
const FOREIGN = '01900000-0000-7000-8000-00000000000c';
const STATUSES = [
  { id: OPEN, name: 'Open' },
  { id: DONE, name: 'Done' },
];

function refusal(run: () => unknown): { code: string; field: string | undefined } {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, field: error.fields?.[0]?.field };
    throw error;
  }
  throw new Error('not refused');
}

describe('transition input', () => {
  it('takes the names a read shows (fromStatusId, toStatusId) and normalises the grants', () => {
    expect(
      resolveTransition(
        { fromStatusId: OPEN, toStatusId: DONE.toUpperCase(), grants: { roles: [{ role: 'assignee', kind: 'any' }] } },
        STATUSES,
        new Set(),
      ),
    ).toEqual({
      fromStatusId: OPEN,
      toStatusId: DONE,
      grants: { roles: [{ role: 'assignee', kind: 'any' }], groupIds: [], personIds: [] },
    });
  });

  it('still takes the older from/to, by id or by name', () => {
    expect(resolveTransitions([{ from: 'open', to: DONE }], STATUSES, new Set())).toEqual([
      { fromStatusId: OPEN, toStatusId: DONE, grants: { roles: [], groupIds: [], personIds: [] } },
    ]);
  });

  it.each([
    ['an unknown status', { fromStatusId: OPEN, toStatusId: FOREIGN }, new Set<string>(), 'TRANSITION.UNKNOWN_STATUS', 'toStatusId'],
    [
      "another workflow's status",
      { fromStatusId: FOREIGN, toStatusId: DONE },
      new Set([FOREIGN]),
      'TRANSITION.OTHER_WORKFLOW',
      'fromStatusId',
    ],
    ['the same status twice', { fromStatusId: OPEN, toStatusId: OPEN }, new Set<string>(), 'TRANSITION.SAME_STATUS', 'toStatusId'],
    ['no status it leaves', { toStatusId: DONE }, new Set<string>(), 'TRANSITION.STATUS_REQUIRED', 'fromStatusId'],
  ] as const)('one transition: %s is refused naming its field', (_name, input, elsewhere, code, field) => {
    expect(refusal(() => resolveTransition(input as never, STATUSES, elsewhere))).toEqual({ code, field });
  });

  it('a whole list names the entry, and refuses the same pair twice', () => {
    expect(
      refusal(() =>
        resolveTransitions(
          [
            { from: 'Open', to: 'Done' },
            { fromStatusId: OPEN, toStatusId: FOREIGN },
          ],
          STATUSES,
          new Set(),
        ),
      ),
    ).toEqual({
      code: 'TRANSITION.UNKNOWN_STATUS',
      field: 'transitions.1.toStatusId',
    });
    expect(
      refusal(() =>
        resolveTransitions(
          [
            { from: 'Open', to: 'Done' },
            { fromStatusId: OPEN, toStatusId: DONE },
          ],
          STATUSES,
          new Set(),
        ),
      ),
    ).toEqual({
      code: 'TRANSITION.DUPLICATE',
      field: 'transitions.1',
    });
  });

  it('lists the references that look like ids, whichever spelling', () => {
    expect(
      statusIdReferences([
        { from: 'Open', toStatusId: DONE.toUpperCase() },
        { fromStatusId: FOREIGN, to: 'Done' },
      ]),
    ).toEqual([DONE, FOREIGN]);
  });
});
