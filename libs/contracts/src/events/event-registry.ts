import {
  ContactAccessGrantedV1,
  ContactAccessRevokedV1,
  EmployeeCreatedV1,
  EmployeeDeletedV1,
  EmployeeUpdatedV1,
  PresenceChangedV1,
  TenantCreatedV1,
} from './identity.events';
import { GroupMembershipChangedV1, PolicyChangedV1 } from './permissions.events';
import { SessionsRevokedV1 } from './session.events';
import { WorkScheduleChangedV1 } from './schedule.events';
import {
  InquiryAssignedV1,
  InquiryClosedV1,
  InquiryCreatedV1,
  InquiryReassignedV1,
  InquiryRequeuedV1,
  MessagePostedV1,
} from './inquiries.events';
import {
  OrderCommentAddedV1,
  OrderCreatedV1,
  OrderStatusChangedV1,
  OrderTagsChangedV1,
  OrderTransferredV1,
  WorkflowChangedV1,
} from './workflow.events';
import { AutomationAppliedV1 } from './automation.events';
import { NotificationSentV1, WebhookDisabledV1 } from './integrations.events';
import { AUDIT_EVENT_CONTRACTS } from './audit.events';
import { TaskCreatedV1, TaskParticipantsChangedV1, TaskStatusChangedV1 } from './task.events';
import {
  BranchCreatedV1,
  BranchUpdatedV1,
  BranchDeletedV1,
  DepartmentCreatedV1,
  DepartmentUpdatedV1,
  DepartmentDeletedV1,
  DepartmentMembershipChangedV1,
  EmployeeBranchesChangedV1,
  ChannelCreatedV1,
  ChannelUpdatedV1,
  ChannelDeletedV1,
  ContactCreatedV1,
  ContactUpdatedV1,
  CompanyCreatedV1,
  CompanyUpdatedV1,
  CompanyClientManagersChangedV1,
  EquipmentCreatedV1,
  EquipmentUpdatedV1,
  EquipmentDeletedV1,
  InboundReceivedV1,
} from './directory.events';

/** A payload class that names its own event type. */
export interface EventContract<T = object> {
  new (): T;
  readonly type: string;
}

/**
 * Every event the product publishes. Consumers validate incoming payloads against these classes and
 * the AsyncAPI document is generated from this list, so an event missing here does not exist.
 */
export const EVENT_CONTRACTS: ReadonlyArray<EventContract> = [
  TenantCreatedV1,
  EmployeeCreatedV1,
  EmployeeUpdatedV1,
  EmployeeDeletedV1,
  PresenceChangedV1,
  SessionsRevokedV1,
  WorkScheduleChangedV1,
  ContactAccessGrantedV1,
  ContactAccessRevokedV1,
  PolicyChangedV1,
  GroupMembershipChangedV1,
  WorkflowChangedV1,
  OrderCreatedV1,
  OrderStatusChangedV1,
  OrderTransferredV1,
  OrderTagsChangedV1,
  OrderCommentAddedV1,
  AutomationAppliedV1,
  TaskCreatedV1,
  TaskStatusChangedV1,
  TaskParticipantsChangedV1,
  BranchCreatedV1,
  BranchUpdatedV1,
  BranchDeletedV1,
  DepartmentCreatedV1,
  DepartmentUpdatedV1,
  DepartmentDeletedV1,
  DepartmentMembershipChangedV1,
  EmployeeBranchesChangedV1,
  ChannelCreatedV1,
  ChannelUpdatedV1,
  ChannelDeletedV1,
  ContactCreatedV1,
  ContactUpdatedV1,
  CompanyCreatedV1,
  CompanyUpdatedV1,
  CompanyClientManagersChangedV1,
  EquipmentCreatedV1,
  EquipmentUpdatedV1,
  EquipmentDeletedV1,
  InboundReceivedV1,
  InquiryCreatedV1,
  InquiryAssignedV1,
  InquiryRequeuedV1,
  InquiryReassignedV1,
  InquiryClosedV1,
  MessagePostedV1,
  WebhookDisabledV1,
  NotificationSentV1,
  ...AUDIT_EVENT_CONTRACTS,
];

export function contractFor(type: string): EventContract | undefined {
  return EVENT_CONTRACTS.find((contract) => contract.type === type);
}
