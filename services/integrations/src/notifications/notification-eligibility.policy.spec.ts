import { notificationEligibility, RECIPIENT_WAIT_MS } from './notification-eligibility.policy';
import type { NotifiedPerson } from './notification-read-model.repository';

const contact: NotifiedPerson = {
  personId: 'c',
  kind: 'contact',
  email: 'ann@client.test',
  emailIsPlaceholder: false,
  notifications: true,
  name: 'Ann',
  deleted: false,
};
const employee: NotifiedPerson = { ...contact, personId: 'e', kind: 'employee', email: 'bob@firm.test', name: 'Bob' };
const allOn = { orderTransferred: true, inquiryAssigned: true, automationNotify: true };

describe('notification eligibility', () => {
  it('sends to a contact with the flag on and a real address', () => {
    expect(notificationEligibility('order-created', contact, null, 0)).toEqual({ send: true });
  });

  it('sends nothing to a contact with the flag off', () => {
    expect(notificationEligibility('order-created', { ...contact, notifications: false }, null, 0)).toMatchObject({
      send: false,
      wait: false,
      reason: expect.stringContaining('flag is off'),
    });
  });

  it('sends nothing to a placeholder address', () => {
    expect(notificationEligibility('order-closed', { ...contact, emailIsPlaceholder: true }, null, 0)).toMatchObject({
      send: false,
      wait: false,
    });
  });

  it('sends nothing to a deleted person', () => {
    expect(notificationEligibility('inquiry-assigned', { ...employee, deleted: true }, allOn, 0)).toMatchObject({
      send: false,
      wait: false,
    });
  });

  it('waits a while for an unknown recipient, then gives up', () => {
    expect(notificationEligibility('order-created', null, null, 0)).toMatchObject({ send: false, wait: true });
    expect(notificationEligibility('order-created', null, null, RECIPIENT_WAIT_MS)).toMatchObject({ send: false, wait: false });
  });

  it("follows an employee's own choice for that kind only", () => {
    expect(notificationEligibility('inquiry-assigned', employee, allOn, 0)).toEqual({ send: true });
    expect(notificationEligibility('inquiry-assigned', employee, { ...allOn, inquiryAssigned: false }, 0)).toMatchObject({
      send: false,
      reason: expect.stringContaining('turned'),
    });
    expect(notificationEligibility('order-transferred', employee, { ...allOn, inquiryAssigned: false }, 0)).toEqual({ send: true });
  });

  it('an employee may turn off the emails automation rules send it', () => {
    expect(notificationEligibility('automation-notify', employee, allOn, 0)).toEqual({ send: true });
    expect(notificationEligibility('automation-notify', employee, { ...allOn, automationNotify: false }, 0)).toMatchObject({
      send: false,
      wait: false,
      reason: 'the employee turned these notifications off',
    });
  });
});
