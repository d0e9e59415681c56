import { NotificationRecipients } from './notification-recipients.policy';

const contact = '0190a1b2-c3d4-7e5f-8a9b-00000000000c';
const employee = '0190a1b2-c3d4-7e5f-8a9b-00000000000e';
const head = '0190a1b2-c3d4-7e5f-8a9b-00000000000f';

describe('notification recipients', () => {
  it("tells a ticket's client that it was opened", () => {
    expect(NotificationRecipients.orderCreated({ clientContactId: contact })).toEqual([
      { kind: 'order-created', recipientId: contact, recipientKind: 'contact' },
    ]);
  });

  it('tells nobody about an order without a client', () => {
    expect(NotificationRecipients.orderCreated({ clientContactId: null })).toEqual([]);
  });

  it('tells the client about a final status only', () => {
    expect(NotificationRecipients.orderStatusChanged({ clientContactId: contact }, 'final')).toHaveLength(1);
    expect(NotificationRecipients.orderStatusChanged({ clientContactId: contact }, 'active')).toEqual([]);
    expect(NotificationRecipients.orderStatusChanged({ clientContactId: contact }, null)).toEqual([]);
  });

  it("sends the staff's public replies to the client, never internal notes or the client's own words", () => {
    const order = { clientContactId: contact };
    expect(NotificationRecipients.orderCommentAdded(order, { visibility: 'public', authorKind: 'employee', authorId: employee })).toEqual([
      { kind: 'order-public-reply', recipientId: contact, recipientKind: 'contact' },
    ]);
    expect(NotificationRecipients.orderCommentAdded(order, { visibility: 'internal', authorKind: 'employee', authorId: employee })).toEqual(
      [],
    );
    expect(NotificationRecipients.orderCommentAdded(order, { visibility: 'public', authorKind: 'contact', authorId: contact })).toEqual([]);
  });

  it('tells the receiving department (members and head) about a transfer, not the one who made it', () => {
    const planned = NotificationRecipients.orderTransferred({ headId: head, memberIds: [employee, contact] }, contact);
    expect(planned.map((item) => item.recipientId).sort()).toEqual([employee, head].sort());
    expect(NotificationRecipients.orderTransferred(null, null)).toEqual([]);
  });

  it('tells the assignee about an inquiry unless it took it itself', () => {
    expect(NotificationRecipients.inquiryAssigned(employee, null)).toEqual([
      { kind: 'inquiry-assigned', recipientId: employee, recipientKind: 'employee' },
    ]);
    expect(NotificationRecipients.inquiryAssigned(employee, employee)).toEqual([]);
  });

  it('emails each employee a rule’s run notified with its owner’s leave, once; refused or other actions email nobody', () => {
    const other = '01900000-0000-7000-8000-0000000000ff';
    const step = (action: string, outcome: string, value: string) => ({ action, outcome, value });
    expect(
      NotificationRecipients.automationApplied([
        step('set-responsible', 'applied', other),
        step('notify', 'applied', employee),
        step('notify', 'applied', employee),
        step('notify', 'refused', other),
      ]),
    ).toEqual([{ kind: 'automation-notify', recipientId: employee, recipientKind: 'employee' }]);
    expect(NotificationRecipients.automationApplied([step('notify', 'refused', employee)])).toEqual([]);
  });
});
