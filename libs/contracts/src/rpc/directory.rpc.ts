import type { Page } from '@warden/kernel';
import type { ChannelKind, ContactStatus } from '../events/directory.events';

export interface BranchView {
  id: string;
  name: string;
  address: string | null;
  /** IANA time zone, e.g. `Europe/Moscow`. */
  timeZone: string;
  createdAt: string;
  updatedAt: string;
}

export interface BranchInput {
  name: string;
  address?: string | null;
  timeZone: string;
}

export interface DepartmentView {
  id: string;
  name: string;
  headId: string | null;
  memberIds: string[];
  createdAt: string;
  updatedAt: string;
}

export interface DepartmentInput {
  name: string;
  headId?: string | null;
  memberIds?: string[];
}

export interface ChannelView {
  id: string;
  kind: ChannelKind;
  address: string;
  name: string;
  departmentId: string;
  createdAt: string;
  updatedAt: string;
}

export interface ChannelInput {
  kind: ChannelKind;
  address: string;
  name: string;
  departmentId: string;
}

export interface EmployeeBranchesView {
  personId: string;
  mainBranchId: string | null;
  additionalBranchIds: string[];
  allBranches: boolean;
  updatedAt: string | null;
}

export interface EmployeeBranchesInput {
  personId: string;
  mainBranchId: string | null;
  additionalBranchIds: string[];
  allBranches: boolean;
}

/** `granted`: identity holds the contact's login (person id = contact id); `requested` is a legacy state of older rows. */
export type PortalAccessState = 'none' | 'requested' | 'granted';

export interface ContactView {
  id: string;
  lastName: string;
  firstName: string;
  middleName: string | null;
  fullName: string;
  email: string;
  /** True for a generated, non-deliverable address (a messenger sender without an email). */
  emailIsPlaceholder: boolean;
  phone: string | null;
  messengerIds: Record<string, string>;
  companyId: string | null;
  status: ContactStatus;
  notifications: boolean;
  responsibleEmployeeId: string | null;
  branchId: string | null;
  portalPersonId: string | null;
  portalAccess: PortalAccessState;
  createdAt: string;
  updatedAt: string;
}

export interface ContactFields {
  lastName: string;
  firstName: string;
  middleName?: string | null;
  email: string;
  phone?: string | null;
  messengerIds?: Record<string, string>;
  companyId?: string | null;
  status?: ContactStatus;
  notifications?: boolean;
  responsibleEmployeeId?: string | null;
  branchId?: string | null;
}

export interface ListContactsData {
  /** Matches any part of the full name, the email or the phone. */
  search?: string;
  name?: string;
  email?: string;
  phone?: string;
  companyId?: string;
  status?: ContactStatus;
  branchId?: string;
  responsibleEmployeeId?: string;
  /** The email notifications flag. */
  notifications?: boolean;
  cursor?: string;
  limit: number;
}

export interface CompanyView {
  id: string;
  name: string;
  taxId: string | null;
  clientManagerIds: string[];
  contactCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface CompanyInput {
  name: string;
  taxId?: string | null;
  clientManagerIds?: string[];
}

export interface EquipmentView {
  id: string;
  companyId: string;
  parentId: string | null;
  name: string;
  kind: string | null;
  serialNumber: string | null;
  location: string | null;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface EquipmentTreeNode extends EquipmentView {
  children: EquipmentTreeNode[];
}

export interface EquipmentFields {
  name: string;
  kind?: string | null;
  serialNumber?: string | null;
  location?: string | null;
  notes?: string | null;
}

export interface InboundSender {
  email?: string;
  name?: string;
  messengerId?: string;
  phone?: string;
}

export interface ReceiveInboundData {
  channelId: string;
  messageId: string;
  /** The message id an email answers (its In-Reply-To header). */
  inReplyTo?: string;
  /** The thread's earlier message ids (an email's References header). */
  references?: string[];
  from: InboundSender;
  subject?: string;
  text: string;
}

export interface InboundResult {
  inboundMessageId: string;
  channelId: string;
  departmentId: string;
  contactId: string;
  contactCreated: boolean;
  /** True when this (channel, message id) was received before: nothing new was created. */
  duplicate: boolean;
  receivedAt: string;
}

/** What a person's order visibility depends on, for the orders issue's enforcement path. */
export interface PersonScopeView {
  personId: string;
  departmentIds: string[];
  branches: EmployeeBranchesView;
  /** Companies whose client manager the person is. */
  managedCompanyIds: string[];
}

export interface DirectoryRpc {
  'directory.branches.list': { request: Record<string, never>; response: BranchView[] };
  'directory.branches.get': { request: { branchId: string }; response: BranchView };
  'directory.branches.create': { request: BranchInput; response: BranchView };
  'directory.branches.update': { request: { branchId: string; changes: Partial<BranchInput> }; response: BranchView };
  'directory.branches.delete': { request: { branchId: string }; response: { deleted: true } };

  'directory.departments.list': { request: Record<string, never>; response: DepartmentView[] };
  'directory.departments.get': { request: { departmentId: string }; response: DepartmentView };
  'directory.departments.create': { request: DepartmentInput; response: DepartmentView };
  'directory.departments.update': { request: { departmentId: string; changes: Partial<DepartmentInput> }; response: DepartmentView };
  'directory.departments.delete': { request: { departmentId: string }; response: { deleted: true } };
  'directory.departments.members.add': { request: { departmentId: string; personIds: string[] }; response: DepartmentView };
  'directory.departments.members.remove': { request: { departmentId: string; personIds: string[] }; response: DepartmentView };

  'directory.channels.list': { request: { departmentId?: string }; response: ChannelView[] };
  'directory.channels.get': { request: { channelId: string }; response: ChannelView };
  'directory.channels.create': { request: ChannelInput; response: ChannelView };
  'directory.channels.update': { request: { channelId: string; changes: Partial<ChannelInput> }; response: ChannelView };
  'directory.channels.delete': { request: { channelId: string }; response: { deleted: true } };
  /** Idempotent on (channel, messageId): a repeat returns the first result with `duplicate: true`. */
  'directory.channels.inbound': { request: ReceiveInboundData; response: InboundResult };

  'directory.employees.branches.get': { request: { personId: string }; response: EmployeeBranchesView };
  'directory.employees.branches.put': { request: EmployeeBranchesInput; response: EmployeeBranchesView };
  'directory.employees.scope': { request: { personId: string }; response: PersonScopeView };

  'directory.contacts.list': { request: ListContactsData; response: Page<ContactView> };
  'directory.contacts.get': { request: { contactId: string }; response: ContactView };
  'directory.contacts.create': { request: ContactFields; response: ContactView };
  'directory.contacts.update': { request: { contactId: string; changes: Partial<ContactFields> }; response: ContactView };
  /**
   * Gives the contact a portal login through identity (person id = contact id), then records it here.
   * Repeating it sets a new password. 422 for a placeholder email or a blocked contact.
   */
  'directory.contacts.portal-access': { request: { contactId: string; password: string }; response: ContactView };
  /** Takes the portal login away (identity first, then here); repeating it changes nothing. */
  'directory.contacts.portal-access.revoke': { request: { contactId: string }; response: ContactView };

  'directory.companies.list': { request: { search?: string; cursor?: string; limit: number }; response: Page<CompanyView> };
  'directory.companies.get': { request: { companyId: string }; response: CompanyView };
  'directory.companies.create': { request: CompanyInput; response: CompanyView };
  'directory.companies.update': { request: { companyId: string; changes: Partial<CompanyInput> }; response: CompanyView };
  'directory.companies.client-managers.put': { request: { companyId: string; personIds: string[] }; response: CompanyView };

  'directory.equipment.tree': { request: { companyId: string }; response: EquipmentTreeNode[] };
  'directory.equipment.get': { request: { equipmentId: string }; response: EquipmentView };
  'directory.equipment.create': { request: EquipmentFields & { companyId: string; parentId?: string | null }; response: EquipmentView };
  /** `parentId` moves the node with its whole subtree (null: to the root); the company never changes. */
  'directory.equipment.update': {
    request: { equipmentId: string; changes: Partial<EquipmentFields> & { parentId?: string | null } };
    response: EquipmentView;
  };
  /** Refused while the node has children. */
  'directory.equipment.delete': { request: { equipmentId: string }; response: { deleted: true } };
}
