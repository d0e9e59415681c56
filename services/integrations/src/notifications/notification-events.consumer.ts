import { Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventSubscriber } from '@warden/messaging';
import {
  AutomationAppliedV1,
  ContactCreatedV1,
  ContactUpdatedV1,
  DepartmentCreatedV1,
  DepartmentDeletedV1,
  DepartmentMembershipChangedV1,
  DepartmentUpdatedV1,
  EmployeeCreatedV1,
  EmployeeDeletedV1,
  EmployeeUpdatedV1,
  InquiryAssignedV1,
  InquiryReassignedV1,
  OrderCommentAddedV1,
  OrderCreatedV1,
  OrderStatusChangedV1,
  OrderTransferredV1,
  TenantCreatedV1,
  WorkflowChangedV1,
} from '@warden/contracts';
import type { CloudEvent, ContactSnapshotV1, DepartmentSnapshotV1, PersonSnapshotV1 } from '@warden/contracts';
import { NotificationDispatcher } from './notification.dispatcher';
import { NotificationRecipients } from './notification-recipients.policy';
import type { PlannedNotification } from './notification-recipients.policy';
import { NotificationReadModelRepository } from './notification-read-model.repository';
import { NotificationRepository } from './notification.repository';
import type { NotificationContext } from './notification.repository';
import { isTooOldToNotify } from './stale-event.policy';

/** The longest reply quoted in an email; the rest stays in the ticket. */
const MAX_REPLY_CHARS = 10_000;

function fullName(person: { lastName: string; firstName: string; middleName: string | null }): string {
  return [person.firstName, person.middleName, person.lastName].filter(Boolean).join(' ');
}

/**
 * Takes events in through the inbox (EventSubscriber: validated, applied once in the transaction that records
 * them): identity, directory and workflow facts feed the read models; tickets and inquiries that concern someone
 * queue one notification per (event, recipient) for the dispatcher.
 */
@Injectable()
export class NotificationEventsConsumer implements OnModuleInit {
  constructor(
    private readonly events: EventSubscriber,
    private readonly readModel: NotificationReadModelRepository,
    private readonly notifications: NotificationRepository,
    private readonly dispatcher: NotificationDispatcher,
  ) {}

  onModuleInit(): void {
    this.events.on(TenantCreatedV1, (event, manager) => this.readModel.upsertTenant(manager, event.data.tenantId, event.data.name));
    const employee = (event: CloudEvent<PersonSnapshotV1>, manager: EntityManager) =>
      event.data.kind === 'employee'
        ? this.readModel.upsertPerson(manager, event.tenantid, {
            personId: event.data.personId,
            kind: 'employee',
            email: event.data.email,
            emailIsPlaceholder: false,
            notifications: true,
            name: fullName(event.data),
          })
        : Promise.resolve();
    this.events.on(EmployeeCreatedV1, employee);
    this.events.on(EmployeeUpdatedV1, employee);
    this.events.on(EmployeeDeletedV1, (event, manager) => this.readModel.markPersonDeleted(manager, event.tenantid, event.data.personId));

    const contact = (event: CloudEvent<ContactSnapshotV1>, manager: EntityManager) =>
      this.readModel.upsertPerson(manager, event.tenantid, {
        personId: event.data.contactId,
        kind: 'contact',
        email: event.data.email,
        emailIsPlaceholder: event.data.emailIsPlaceholder,
        notifications: event.data.notifications,
        name: fullName(event.data),
      });
    this.events.on(ContactCreatedV1, contact);
    this.events.on(ContactUpdatedV1, contact);
    const department = (event: CloudEvent<DepartmentSnapshotV1>, manager: EntityManager) =>
      this.readModel.upsertDepartment(manager, event.tenantid, event.data.departmentId, {
        name: event.data.name,
        headId: event.data.headId,
        memberIds: event.data.memberIds,
      });
    this.events.on(DepartmentCreatedV1, department);
    this.events.on(DepartmentUpdatedV1, department);
    this.events.on(DepartmentMembershipChangedV1, (event, manager) =>
      this.readModel.setDepartmentMembers(manager, event.tenantid, event.data.departmentId, event.data.memberIds),
    );
    this.events.on(DepartmentDeletedV1, (event, manager) =>
      this.readModel.deleteDepartment(manager, event.tenantid, event.data.departmentId),
    );

    this.events.on(WorkflowChangedV1, (event, manager) => this.readModel.upsertStatuses(manager, event.tenantid, event.data.statuses));
    this.events.on(OrderCreatedV1, async (event, manager) => {
      const order = {
        orderId: event.data.orderId,
        number: event.data.number,
        title: event.data.title,
        clientContactId: event.data.clientContactId ?? null,
        departmentId: event.data.departmentId ?? null,
      };
      await this.readModel.upsertOrder(manager, event.tenantid, order);
      await this.queue(manager, event, NotificationRecipients.orderCreated(order), {
        orderNumber: String(order.number),
        orderTitle: order.title,
        statusName: event.data.status.name,
      });
    });
    this.events.on(OrderStatusChangedV1, async (event, manager) => {
      const order = await this.readModel.order(manager, event.tenantid, event.data.orderId);
      if (!order) return;
      const category = await this.readModel.statusCategory(manager, event.tenantid, event.data.to.id);
      await this.queue(manager, event, NotificationRecipients.orderStatusChanged(order, category), {
        orderNumber: String(order.number),
        orderTitle: order.title,
        statusName: event.data.to.name,
      });
    });
    this.events.on(OrderCommentAddedV1, async (event, manager) => {
      const order = await this.readModel.order(manager, event.tenantid, event.data.orderId);
      if (!order) return;
      await this.queue(manager, event, NotificationRecipients.orderCommentAdded(order, event.data), {
        orderNumber: String(order.number),
        orderTitle: order.title,
        replyText: event.data.body.slice(0, MAX_REPLY_CHARS),
      });
    });
    this.events.on(OrderTransferredV1, async (event, manager) => {
      await this.readModel.moveOrder(manager, event.tenantid, event.data.orderId, event.data.toDepartmentId);
      const order = await this.readModel.order(manager, event.tenantid, event.data.orderId);
      const target = await this.readModel.department(manager, event.tenantid, event.data.toDepartmentId);
      if (!order || !target) return;
      await this.queue(manager, event, NotificationRecipients.orderTransferred(target, event.data.actorId), {
        orderNumber: String(order.number),
        orderTitle: order.title,
        departmentName: target.name,
      });
    });
    this.events.on(AutomationAppliedV1, async (event, manager) => {
      const planned = NotificationRecipients.automationApplied(event.data.actions);
      if (planned.length === 0) return;
      // The title comes from the order's own event, read before this one (its rule ran after the order's commit).
      const order = await this.readModel.order(manager, event.tenantid, event.data.orderId);
      await this.queue(manager, event, planned, {
        orderNumber: String(event.data.number),
        orderTitle: order?.title ?? '',
        ruleName: event.data.ruleName ?? '',
      });
    });

    const inquiry = async (event: CloudEvent<{ contactId: string }>, manager: EntityManager, planned: PlannedNotification[]) => {
      const client = await this.readModel.person(manager, event.tenantid, event.data.contactId);
      await this.queue(manager, event, planned, { clientName: client?.name ?? '' });
    };
    this.events.on(InquiryAssignedV1, (event, manager) =>
      inquiry(event, manager, NotificationRecipients.inquiryAssigned(event.data.assigneeId, null)),
    );
    this.events.on(InquiryReassignedV1, (event, manager) =>
      inquiry(event, manager, NotificationRecipients.inquiryAssigned(event.data.toAssigneeId, event.data.byPersonId)),
    );
  }

  private async queue(
    manager: EntityManager,
    event: CloudEvent<unknown>,
    planned: PlannedNotification[],
    context: NotificationContext,
  ): Promise<void> {
    if (planned.length === 0 || isTooOldToNotify(event.time)) return;
    if ((await this.notifications.enqueue(manager, event.tenantid, event.id, planned, context)) > 0) this.dispatcher.wakeSoon();
  }
}
