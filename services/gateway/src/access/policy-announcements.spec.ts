import { PolicyAnnouncements } from './policy-announcements';

describe('PolicyAnnouncements', () => {
  const tenant = 'tenant-1';

  it('resolves when the change is announced after the wait began', async () => {
    const announcements = new PolicyAnnouncements(5000);
    const waiting = announcements.announced(tenant, { policyVersion: 7, affectedPersonIds: ['p'] });
    announcements.record(tenant, 7);
    await expect(waiting).resolves.toBe(true);
  });

  it('resolves at once when the announcement came before the answer', async () => {
    const announcements = new PolicyAnnouncements(5000);
    announcements.record(tenant, 8);
    await expect(announcements.announced(tenant, { policyVersion: 8, affectedPersonIds: null })).resolves.toBe(true);
  });

  it('resolves at once for a change that bumped nothing', async () => {
    const announcements = new PolicyAnnouncements(5000);
    await expect(announcements.announced(tenant, { policyVersion: 9, affectedPersonIds: [] })).resolves.toBe(true);
    await expect(announcements.announced(tenant, { policyVersion: 0, affectedPersonIds: ['p'] })).resolves.toBe(true);
  });

  it('does not take another version or tenant for the awaited one, and gives up after the wait', async () => {
    const announcements = new PolicyAnnouncements(50);
    const waiting = announcements.announced(tenant, { policyVersion: 10, affectedPersonIds: ['p'] });
    announcements.record(tenant, 11);
    announcements.record('tenant-2', 10);
    await expect(waiting).resolves.toBe(false);
  });
});
