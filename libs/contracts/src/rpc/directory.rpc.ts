import { OmitType, PartialType } from '@nestjs/mapped-types';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmptyObject,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import type { Page } from '@warden/kernel';
import { CHANNEL_KINDS, CONTACT_STATUSES } from '../events/directory.events';
import type { ChannelKind, ContactStatus } from '../events/directory.events';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './identity.rpc';
import { NoData } from './rpc-request.contract';
import type { RpcRequestContracts } from './rpc-request.contract';
import { LowerCaseIds, OptionalText, Trim } from './request-fields';

// The limits are those of the gateway's DTOs (services/gateway/src/directory/dto), so both edges refuse alike.

/** Directory lists are paged by at most this many. */
const MAX_DIRECTORY_PAGE_SIZE = 200;

export interface BranchView {
  id: string;
  name: string;
  address: string | null;
  /** IANA time zone, e.g. `Europe/Moscow`. */
  timeZone: string;
  createdAt: string;
  updatedAt: string;
}

export class BranchRef {
  @IsUUID() branchId!: string;
}

export class BranchInput {
  @Trim() @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @OptionalText() @IsOptional() @IsString() @MaxLength(500) address?: string | null;
  /** An IANA time zone; which ones exist is the directory's to check. */
  @IsString() @MaxLength(64) timeZone!: string;
}

export class BranchChanges extends PartialType(BranchInput, { skipNullProperties: false }) {}

export class UpdateBranchData extends BranchRef {
  @IsObject() @ValidateNested() @Type(() => BranchChanges) changes!: BranchChanges;
}

export interface DepartmentView {
  id: string;
  name: string;
  headId: string | null;
  memberIds: string[];
  createdAt: string;
  updatedAt: string;
}

export class DepartmentRef {
  @IsUUID() departmentId!: string;
}

export class DepartmentInput {
  @Trim() @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @IsOptional() @IsUUID() @LowerCaseIds() headId?: string | null;
  @IsOptional() @IsArray() @ArrayMaxSize(1000) @IsUUID('all', { each: true }) @LowerCaseIds() memberIds?: string[];
}

/** `memberIds`, when given, replaces the membership; `headId: null` removes the head. */
export class DepartmentChanges extends PartialType(DepartmentInput, { skipNullProperties: false }) {}

export class UpdateDepartmentData extends DepartmentRef {
  @IsObject() @ValidateNested() @Type(() => DepartmentChanges) changes!: DepartmentChanges;
}

export class DepartmentMembersData extends DepartmentRef {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @IsUUID('all', { each: true }) @LowerCaseIds() personIds!: string[];
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

export class ChannelRef {
  @IsUUID() channelId!: string;
}

export class ListChannelsData {
  @IsOptional() @IsUUID() departmentId?: string;
}

export class ChannelInput {
  @IsIn(CHANNEL_KINDS) kind!: ChannelKind;
  /** Mailbox, bot name or widget key. */
  @Trim() @IsString() @MinLength(1) @MaxLength(320) address!: string;
  @Trim() @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @IsUUID() @LowerCaseIds() departmentId!: string;
}

export class ChannelChanges extends PartialType(ChannelInput, { skipNullProperties: false }) {}

export class UpdateChannelData extends ChannelRef {
  @IsObject() @ValidateNested() @Type(() => ChannelChanges) changes!: ChannelChanges;
}

export interface EmployeeBranchesView {
  personId: string;
  mainBranchId: string | null;
  additionalBranchIds: string[];
  allBranches: boolean;
  updatedAt: string | null;
}

/** An employee of the context's tenant, by id. */
export class EmployeeRef {
  @IsUUID() personId!: string;
}

export class EmployeeBranchesInput extends EmployeeRef {
  @ValidateIf((_, value) => value !== null) @IsUUID() @LowerCaseIds() mainBranchId!: string | null;
  @IsArray() @ArrayMaxSize(500) @IsUUID('all', { each: true }) @LowerCaseIds() additionalBranchIds!: string[];
  /** Access to every branch, present and future. */
  @IsBoolean() allBranches!: boolean;
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

export class ContactRef {
  @IsUUID() contactId!: string;
}

export class ContactFields {
  @Trim() @IsString() @MinLength(1) @MaxLength(100) lastName!: string;
  /** May be empty: contacts created from a one-word message signature have none (the HTTP API asks for one). */
  @Trim() @IsString() @MaxLength(100) firstName!: string;
  @OptionalText() @IsOptional() @IsString() @MaxLength(100) middleName?: string | null;
  /** Unique in the tenant case-insensitively; kept as written. */
  @Trim() @IsEmail({}, { message: 'must be an email address' }) @MaxLength(320) email!: string;
  @OptionalText() @IsOptional() @IsString() @MaxLength(50) phone?: string | null;
  /** `{ "<messenger or channel address>": "<id>" }`. */
  @IsOptional() @IsObject() messengerIds?: Record<string, string>;
  @IsOptional() @IsUUID() @LowerCaseIds() companyId?: string | null;
  @IsOptional() @IsIn(CONTACT_STATUSES) status?: ContactStatus;
  @IsOptional() @IsBoolean() notifications?: boolean;
  @IsOptional() @IsUUID() @LowerCaseIds() responsibleEmployeeId?: string | null;
  @IsOptional() @IsUUID() @LowerCaseIds() branchId?: string | null;
}

export class ContactChanges extends PartialType(ContactFields, { skipNullProperties: false }) {}

export class UpdateContactData extends ContactRef {
  @IsObject() @ValidateNested() @Type(() => ContactChanges) changes!: ContactChanges;
}

export class ContactPortalAccessData extends ContactRef {
  /** The contact signs in to the client portal with its email and this password. */
  @IsString() @MinLength(MIN_PASSWORD_LENGTH) @MaxLength(MAX_PASSWORD_LENGTH) password!: string;
}

export class ListContactsData {
  /** Matches any part of the full name, the email or the phone. */
  @IsOptional() @Trim() @IsString() @MaxLength(100) search?: string;
  @IsOptional() @Trim() @IsString() @MaxLength(100) name?: string;
  @IsOptional() @Trim() @IsString() @MaxLength(320) email?: string;
  @IsOptional() @IsString() @MaxLength(50) phone?: string;
  @IsOptional() @IsUUID() companyId?: string;
  @IsOptional() @IsIn(CONTACT_STATUSES) status?: ContactStatus;
  @IsOptional() @IsUUID() branchId?: string;
  @IsOptional() @IsUUID() responsibleEmployeeId?: string;
  /** The email notifications flag. */
  @IsOptional() @IsBoolean() notifications?: boolean;
  @IsOptional() @IsString() @MaxLength(500) cursor?: string;
  @IsInt() @Min(1) @Max(MAX_DIRECTORY_PAGE_SIZE) limit!: number;
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

export class CompanyRef {
  @IsUUID() @LowerCaseIds() companyId!: string;
}

export class ListCompaniesData {
  /** Part of the name or tax id. */
  @IsOptional() @Trim() @IsString() @MaxLength(100) search?: string;
  @IsOptional() @IsString() @MaxLength(500) cursor?: string;
  @IsInt() @Min(1) @Max(MAX_DIRECTORY_PAGE_SIZE) limit!: number;
}

export class CompanyInput {
  @Trim() @IsString() @MinLength(1) @MaxLength(200) name!: string;
  /** Unique in the tenant when given. */
  @OptionalText() @IsOptional() @IsString() @MaxLength(50) taxId?: string | null;
  /** Employees (or the company's own contacts) who see every order of the company. */
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsUUID('all', { each: true }) @LowerCaseIds() clientManagerIds?: string[];
}

export class CompanyChanges extends PartialType(CompanyInput, { skipNullProperties: false }) {}

export class UpdateCompanyData extends CompanyRef {
  @IsObject() @ValidateNested() @Type(() => CompanyChanges) changes!: CompanyChanges;
}

/** Replaces the company's client managers. */
export class ClientManagersData extends CompanyRef {
  @IsArray() @ArrayMaxSize(100) @IsUUID('all', { each: true }) @LowerCaseIds() personIds!: string[];
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

export class EquipmentRef {
  @IsUUID() equipmentId!: string;
}

export class EquipmentFields {
  @Trim() @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @OptionalText() @IsOptional() @IsString() @MaxLength(100) kind?: string | null;
  @OptionalText() @IsOptional() @IsString() @MaxLength(100) serialNumber?: string | null;
  @OptionalText() @IsOptional() @IsString() @MaxLength(200) location?: string | null;
  @OptionalText() @IsOptional() @IsString() @MaxLength(2000) notes?: string | null;
}

export class CreateEquipmentData extends EquipmentFields {
  @IsUUID() @LowerCaseIds() companyId!: string;
  /** Equipment of the same company; none for a root. */
  @IsOptional() @IsUUID() @LowerCaseIds() parentId?: string | null;
}

/** `parentId` moves the node with its whole subtree (null: to the root); the company never changes. */
export class EquipmentChanges extends PartialType(OmitType(CreateEquipmentData, ['companyId'] as const), { skipNullProperties: false }) {}

export class UpdateEquipmentData extends EquipmentRef {
  @IsObject() @ValidateNested() @Type(() => EquipmentChanges) changes!: EquipmentChanges;
}

/** Who sent an inbound message; the directory needs an email, a messenger id or a phone to find the contact. Blank is absent (null). */
export class InboundSender {
  @OptionalText() @IsOptional() @IsEmail() @MaxLength(320) email?: string | null;
  @OptionalText() @IsOptional() @IsString() @MaxLength(200) name?: string | null;
  /** The sender's id in the messenger (channel-specific). */
  @OptionalText() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) messengerId?: string | null;
  @OptionalText() @IsOptional() @IsString() @MaxLength(50) phone?: string | null;
}

export class ReceiveInboundData extends ChannelRef {
  /** The connector's message id; repeating it is a no-op. */
  @IsString() @MinLength(1) @MaxLength(500) messageId!: string;
  /** The message id an email answers (its In-Reply-To header). */
  @OptionalText() @IsOptional() @IsString() @MinLength(1) @MaxLength(500) inReplyTo?: string | null;
  /** The thread's earlier message ids (an email's References header). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(500, { each: true })
  references?: string[];
  @IsObject() @IsNotEmptyObject() @ValidateNested() @Type(() => InboundSender) from!: InboundSender;
  @OptionalText() @IsOptional() @IsString() @MaxLength(500) subject?: string | null;
  @IsString() @MaxLength(100_000) text!: string;
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
  'directory.branches.list': { request: NoData; response: BranchView[] };
  'directory.branches.get': { request: BranchRef; response: BranchView };
  'directory.branches.create': { request: BranchInput; response: BranchView };
  'directory.branches.update': { request: UpdateBranchData; response: BranchView };
  'directory.branches.delete': { request: BranchRef; response: { deleted: true } };

  'directory.departments.list': { request: NoData; response: DepartmentView[] };
  'directory.departments.get': { request: DepartmentRef; response: DepartmentView };
  'directory.departments.create': { request: DepartmentInput; response: DepartmentView };
  'directory.departments.update': { request: UpdateDepartmentData; response: DepartmentView };
  /**
   * The checks of `directory.departments.update` without writing (the permission preview): the same errors, then the
   * department as it is and as the change would leave it.
   */
  'directory.departments.update-preview': { request: UpdateDepartmentData; response: { before: DepartmentView; after: DepartmentView } };
  'directory.departments.delete': { request: DepartmentRef; response: { deleted: true } };
  'directory.departments.members.add': { request: DepartmentMembersData; response: DepartmentView };
  'directory.departments.members.remove': { request: DepartmentMembersData; response: DepartmentView };

  'directory.channels.list': { request: ListChannelsData; response: ChannelView[] };
  'directory.channels.get': { request: ChannelRef; response: ChannelView };
  'directory.channels.create': { request: ChannelInput; response: ChannelView };
  'directory.channels.update': { request: UpdateChannelData; response: ChannelView };
  'directory.channels.delete': { request: ChannelRef; response: { deleted: true } };
  /** Idempotent on (channel, messageId): a repeat returns the first result with `duplicate: true`. */
  'directory.channels.inbound': { request: ReceiveInboundData; response: InboundResult };

  'directory.employees.branches.get': { request: EmployeeRef; response: EmployeeBranchesView };
  'directory.employees.branches.put': { request: EmployeeBranchesInput; response: EmployeeBranchesView };
  'directory.employees.scope': { request: EmployeeRef; response: PersonScopeView };

  'directory.contacts.list': { request: ListContactsData; response: Page<ContactView> };
  'directory.contacts.get': { request: ContactRef; response: ContactView };
  'directory.contacts.create': { request: ContactFields; response: ContactView };
  'directory.contacts.update': { request: UpdateContactData; response: ContactView };
  /**
   * Gives the contact a portal login through identity (person id = contact id), then records it here.
   * Repeating it sets a new password. 422 for a placeholder email or a blocked contact.
   */
  'directory.contacts.portal-access': { request: ContactPortalAccessData; response: ContactView };
  /** Takes the portal login away (identity first, then here); repeating it changes nothing. */
  'directory.contacts.portal-access.revoke': { request: ContactRef; response: ContactView };

  'directory.companies.list': { request: ListCompaniesData; response: Page<CompanyView> };
  'directory.companies.get': { request: CompanyRef; response: CompanyView };
  'directory.companies.create': { request: CompanyInput; response: CompanyView };
  'directory.companies.update': { request: UpdateCompanyData; response: CompanyView };
  'directory.companies.client-managers.put': { request: ClientManagersData; response: CompanyView };

  'directory.equipment.tree': { request: CompanyRef; response: EquipmentTreeNode[] };
  'directory.equipment.get': { request: EquipmentRef; response: EquipmentView };
  'directory.equipment.create': { request: CreateEquipmentData; response: EquipmentView };
  /** `parentId` moves the node with its whole subtree (null: to the root); the company never changes. */
  'directory.equipment.update': { request: UpdateEquipmentData; response: EquipmentView };
  /** Refused while the node has children. */
  'directory.equipment.delete': { request: EquipmentRef; response: { deleted: true } };
}

export const DIRECTORY_RPC_REQUESTS: RpcRequestContracts<DirectoryRpc> = {
  'directory.branches.list': NoData,
  'directory.branches.get': BranchRef,
  'directory.branches.create': BranchInput,
  'directory.branches.update': UpdateBranchData,
  'directory.branches.delete': BranchRef,

  'directory.departments.list': NoData,
  'directory.departments.get': DepartmentRef,
  'directory.departments.create': DepartmentInput,
  'directory.departments.update': UpdateDepartmentData,
  'directory.departments.update-preview': UpdateDepartmentData,
  'directory.departments.delete': DepartmentRef,
  'directory.departments.members.add': DepartmentMembersData,
  'directory.departments.members.remove': DepartmentMembersData,

  'directory.channels.list': ListChannelsData,
  'directory.channels.get': ChannelRef,
  'directory.channels.create': ChannelInput,
  'directory.channels.update': UpdateChannelData,
  'directory.channels.delete': ChannelRef,
  'directory.channels.inbound': ReceiveInboundData,

  'directory.employees.branches.get': EmployeeRef,
  'directory.employees.branches.put': EmployeeBranchesInput,
  'directory.employees.scope': EmployeeRef,

  'directory.contacts.list': ListContactsData,
  'directory.contacts.get': ContactRef,
  'directory.contacts.create': ContactFields,
  'directory.contacts.update': UpdateContactData,
  'directory.contacts.portal-access': ContactPortalAccessData,
  'directory.contacts.portal-access.revoke': ContactRef,

  'directory.companies.list': ListCompaniesData,
  'directory.companies.get': CompanyRef,
  'directory.companies.create': CompanyInput,
  'directory.companies.update': UpdateCompanyData,
  'directory.companies.client-managers.put': ClientManagersData,

  'directory.equipment.tree': CompanyRef,
  'directory.equipment.get': EquipmentRef,
  'directory.equipment.create': CreateEquipmentData,
  'directory.equipment.update': UpdateEquipmentData,
  'directory.equipment.delete': EquipmentRef,
};
