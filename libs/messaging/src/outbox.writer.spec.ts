import type { EntityManager } from 'typeorm';
import { GroupMembershipChangedV1, PolicyChangedV1 } from '@warden/contracts';
import type { MessagingOptions } from './messaging.options';
import { OutboxWriter } from './outbox.writer';

/** A manager outside a transaction that remembers its statements. */
function recordingManager(): { manager: EntityManager; statements: Array<{ sql: string; parameters: unknown[] }> } {
  const statements: Array<{ sql: string; parameters: unknown[] }> = [];
  const manager = { query: async (sql: string, parameters: unknown[] = []) => statements.push({ sql, parameters }) };
  return { manager: manager as unknown as EntityManager, statements };
}

const writer = new OutboxWriter({ service: 'permissions' } as MessagingOptions);
const policy = { policyVersion: 2, affectedPersonIds: null, change: 'group.rights' };
const membership = { groupId: 'g', groupName: 'Staff', addedPersonIds: [], removedPersonIds: [] };

describe('OutboxWriter.add', () => {
  it("records each event under its contract class's type", async () => {
    const { manager, statements } = recordingManager();
    const [first, second] = await writer.add(
      manager,
      { contract: PolicyChangedV1, tenantId: 't1', subject: 't1', data: policy },
      { contract: GroupMembershipChangedV1, tenantId: 't1', subject: 'g', data: membership },
    );
    expect([first!.type, second!.type]).toEqual(['permissions.policy.changed.v1', 'permissions.membership.changed.v1']);
    expect(statements[0]!.parameters[2]).toEqual(['permissions.policy.changed.v1', 'permissions.membership.changed.v1']);
    expect(first).not.toHaveProperty('contract');
  });

  it('does not compile with a payload of another contract', () => {
    const { manager } = recordingManager();
    const wrong = async (): Promise<unknown> =>
      // @ts-expect-error — a membership payload is not a PolicyChangedV1
      writer.add(manager, { contract: PolicyChangedV1, tenantId: 't1', subject: 't1', data: membership });
    expect(typeof wrong).toBe('function');
  });
});
