import { PermissionsAuditRecordedV1 } from '@warden/contracts';
import { auditEntry, changedFields } from './audit.recorder';

const ctx = { tenantId: 't1', actorId: '0190a5c2-0000-7000-8000-000000000001', requestId: 'req-1' };

describe('audit entries', () => {
  it('keep only the fields whose values changed, on both sides', () => {
    expect(
      changedFields({ name: 'A', rights: ['x', 'y'], loginBarred: false }, { name: 'B', rights: ['x', 'y'], loginBarred: false }),
    ).toEqual({
      before: { name: 'A' },
      after: { name: 'B' },
    });
  });

  it('compare objects whatever the order of their keys', () => {
    expect(changedFields({ levels: { a: 'set', b: 'view' } }, { levels: { b: 'view', a: 'set' } })).toBeNull();
  });

  it('record nothing when no field changed', () => {
    expect(
      auditEntry(
        'permissions',
        't1',
        { action: 'group.updated', resource: { type: 'group', id: 'g' }, before: { name: 'A' }, after: { name: 'A' } },
        ctx,
      ),
    ).toBeNull();
  });

  it('show every field after a creation and before a deletion', () => {
    expect(changedFields(null, { name: 'A' })).toEqual({ before: {}, after: { name: 'A' } });
    expect(changedFields({ name: 'A' }, null)).toEqual({ before: { name: 'A' }, after: {} });
  });

  it('name the signed-in person and the request id of the change', () => {
    const now = new Date('2026-01-02T03:04:05.000Z');
    const event = auditEntry(
      'permissions',
      't1',
      { action: 'group.updated', resource: { type: 'group', id: 'g' }, before: { name: 'A' }, after: { name: 'B' } },
      ctx,
      now,
    );
    expect(event).toEqual({
      contract: PermissionsAuditRecordedV1,
      tenantId: 't1',
      subject: 'g',
      data: {
        actor: { id: ctx.actorId, kind: 'person' },
        action: 'group.updated',
        resource: { type: 'group', id: 'g' },
        before: { name: 'A' },
        after: { name: 'B' },
        requestId: 'req-1',
        at: '2026-01-02T03:04:05.000Z',
      },
    });
  });

  it('name the system when no person asked (an event consumer, a timer)', () => {
    const event = auditEntry(
      'identity',
      't1',
      { action: 'staff.deleted', resource: { type: 'person', id: 'p' }, before: { deleted: false }, after: { deleted: true } },
      undefined,
    );
    expect(event?.data.actor).toEqual({ id: null, kind: 'system' });
    expect(event?.data.requestId).toBeNull();
  });

  it("are recorded as the service's own audit event", () => {
    const event = auditEntry(
      'identity',
      't1',
      { action: 'staff.deleted', resource: { type: 'person', id: 'p' }, before: { deleted: false }, after: { deleted: true } },
      undefined,
    );
    expect(event?.contract.type).toBe('identity.audit.recorded.v1');
  });
});
