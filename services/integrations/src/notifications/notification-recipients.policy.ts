import type { CommentVisibility, NotificationKind, PersonKind, StatusCategory } from '@warden/contracts';

/** One email to plan: to whom, about what. Whether it is really sent is decided when it is due (flag, address). */
export interface PlannedNotification {
  kind: NotificationKind;
  recipientId: string;
  recipientKind: PersonKind;
}

export interface OrderFacts {
  clientContactId: string | null;
}

const toContact = (kind: NotificationKind, order: OrderFacts): PlannedNotification[] =>
  order.clientContactId ? [{ kind, recipientId: order.clientContactId, recipientKind: 'contact' }] : [];

/** Who hears about what: the rules of which event becomes which email, one function per event. */
export const NotificationRecipients = {
  /** The ticket's client hears that it was opened. */
  orderCreated(order: OrderFacts): PlannedNotification[] {
    return toContact('order-created', order);
  },

  /** The client hears when its ticket is done (a `final` status); other moves are the staff's business. */
  orderStatusChanged(order: OrderFacts, toCategory: StatusCategory | null): PlannedNotification[] {
    return toCategory === 'final' ? toContact('order-closed', order) : [];
  },

  /** A public reply from the staff reaches the client; internal notes and the client's own words do not. */
  orderCommentAdded(
    order: OrderFacts,
    comment: { visibility: CommentVisibility; authorKind: PersonKind; authorId: string | null },
  ): PlannedNotification[] {
    if (comment.visibility !== 'public' || comment.authorKind === 'contact' || comment.authorId === order.clientContactId) return [];
    return toContact('order-public-reply', order);
  },

  /** Everyone of the receiving department (members and head) but whoever made the transfer. */
  orderTransferred(department: { headId: string | null; memberIds: string[] } | null, actorId: string | null): PlannedNotification[] {
    if (!department) return [];
    const people = new Set([...department.memberIds, ...(department.headId ? [department.headId] : [])]);
    if (actorId) people.delete(actorId);
    return [...people].map((recipientId) => ({ kind: 'order-transferred' as const, recipientId, recipientKind: 'employee' as const }));
  },

  /**
   * Each employee an automation rule's run notified: its `notify` actions the owner was allowed
   * (`applied`); a refused one is only in the order's history.
   */
  automationApplied(actions: ReadonlyArray<{ action: string; outcome: string; value: string }>): PlannedNotification[] {
    const people = new Set(actions.filter((step) => step.action === 'notify' && step.outcome === 'applied').map((step) => step.value));
    return [...people].map((recipientId) => ({ kind: 'automation-notify' as const, recipientId, recipientKind: 'employee' as const }));
  },

  /** The employee who got the inquiry, unless it took it itself. */
  inquiryAssigned(assigneeId: string, byPersonId: string | null): PlannedNotification[] {
    return assigneeId === byPersonId ? [] : [{ kind: 'inquiry-assigned', recipientId: assigneeId, recipientKind: 'employee' }];
  },
};
