import { DomainError } from '@warden/kernel';
import { TaskErrors } from './task.errors';
import { pickStartStatus, templateStartStatuses, workflowStartStatuses } from './task-start.policy';

const WORKFLOW = '0192f0c4-0000-7000-8000-0000000000f1';
const OTHER_WORKFLOW = '0192f0c4-0000-7000-8000-0000000000f2';
const open = { id: '0192f0c4-0000-7000-8000-0000000000a1', archived: false };
const triage = { id: '0192f0c4-0000-7000-8000-0000000000a2', archived: false };

function refusal(outcome: unknown): unknown {
  expect(outcome).toBeInstanceOf(DomainError);
  return (outcome as DomainError).toPayload();
}

describe("a task from a template starts in the template's status", () => {
  it('with or without the same workflow named', () => {
    expect(templateStartStatuses(undefined, { workflowId: WORKFLOW }, open)).toEqual([open]);
    expect(templateStartStatuses(WORKFLOW, { workflowId: WORKFLOW }, open)).toEqual([open]);
  });

  it("refuses another workflow than the template's", () => {
    expect(refusal(templateStartStatuses(OTHER_WORKFLOW, { workflowId: WORKFLOW }, open))).toEqual(
      TaskErrors.workflowMismatch().toPayload(),
    );
  });

  it("refuses when the template's status is gone or archived", () => {
    expect(refusal(templateStartStatuses(undefined, { workflowId: WORKFLOW }, null))).toEqual(TaskErrors.noStatus().toPayload());
    expect(refusal(templateStartStatuses(undefined, { workflowId: WORKFLOW }, { ...open, archived: true }))).toEqual(
      TaskErrors.noStatus().toPayload(),
    );
  });
});

describe('a task without a template starts in an initial status of its task workflow', () => {
  it('any of its initial statuses', () => {
    expect(workflowStartStatuses(WORKFLOW, { kind: 'task' }, [open, triage])).toEqual([open, triage]);
  });

  it('refuses no workflow named', () => {
    expect(refusal(workflowStartStatuses(undefined, null, []))).toEqual(TaskErrors.workflowRequired().toPayload());
    expect(refusal(workflowStartStatuses('', null, []))).toEqual(TaskErrors.workflowRequired().toPayload());
  });

  it('refuses an unknown workflow, and an order workflow', () => {
    expect(refusal(workflowStartStatuses(WORKFLOW, null, []))).toEqual(TaskErrors.unknownWorkflow().toPayload());
    expect(refusal(workflowStartStatuses(WORKFLOW, { kind: 'order' }, [open]))).toEqual(TaskErrors.unknownWorkflow().toPayload());
  });

  it('refuses a task workflow without a status to start in', () => {
    expect(refusal(workflowStartStatuses(WORKFLOW, { kind: 'task' }, []))).toEqual(TaskErrors.noStatus().toPayload());
  });
});

describe('the status a new task starts in', () => {
  it('is the first candidate when none is named', () => {
    expect(pickStartStatus([open, triage], undefined)).toBe(open);
  });

  it('is the named candidate', () => {
    expect(pickStartStatus([open, triage], triage.id)).toBe(triage);
  });

  it('refuses a named status that is not (or no longer) a candidate', () => {
    expect(refusal(pickStartStatus([open], triage.id))).toEqual(TaskErrors.startStatusGone().toPayload());
  });
});
