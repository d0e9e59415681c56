import { DomainError } from '@warden/kernel';
import { OrderErrors } from './order.errors';
import { orderStartStatus } from './order-start.policy';

const WORKFLOW = '0192f0c4-0000-7000-8000-0000000000f1';
const status = { id: '0192f0c4-0000-7000-8000-0000000000a1', workflowId: WORKFLOW, archived: false };

function refusal(outcome: unknown): unknown {
  expect(outcome).toBeInstanceOf(DomainError);
  return (outcome as DomainError).toPayload();
}

describe('the status a new order starts in', () => {
  it('is the named status, or the first initial one, when it is of the workflow and not archived', () => {
    expect(orderStartStatus(status, WORKFLOW, true)).toBe(status);
    expect(orderStartStatus(status, WORKFLOW, false)).toBe(status);
  });

  it('refuses a named status that does not exist', () => {
    expect(refusal(orderStartStatus(null, WORKFLOW, true))).toEqual(OrderErrors.unknownStatus().toPayload());
  });

  it('refuses a workflow without an initial status when none was named', () => {
    expect(refusal(orderStartStatus(null, WORKFLOW, false))).toEqual(OrderErrors.noInitialStatus().toPayload());
  });

  it('refuses a status of another workflow', () => {
    expect(refusal(orderStartStatus({ ...status, workflowId: '0192f0c4-0000-7000-8000-0000000000f2' }, WORKFLOW, true))).toEqual(
      OrderErrors.unknownStatus().toPayload(),
    );
  });

  it('refuses an archived status', () => {
    expect(refusal(orderStartStatus({ ...status, archived: true }, WORKFLOW, true))).toEqual(OrderErrors.archivedStatus().toPayload());
  });
});
