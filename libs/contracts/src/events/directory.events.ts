import { Type } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';

export const CHANNEL_KINDS = ['email', 'messenger', 'widget'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export const CONTACT_STATUSES = ['active', 'inactive', 'blocked'] as const;
export type ContactStatus = (typeof CONTACT_STATUSES)[number];

/**
 * Every directory event is a complete snapshot of the entity after the change (not a diff), so a consumer
 * keeps its read model by replacing what it holds; `at` orders snapshots of the same entity.
 */
export class BranchSnapshotV1 {
  @IsUUID() branchId!: string;
  @IsString() @MaxLength(200) name!: string;
  @IsOptional() @IsString() address!: string | null;
  /** IANA time zone, e.g. `Europe/Moscow`. */
  @IsString() timeZone!: string;
  @IsISO8601() at!: string;
}

export class BranchCreatedV1 extends BranchSnapshotV1 {
  static readonly type = 'directory.branch.created.v1';
}

export class BranchUpdatedV1 extends BranchSnapshotV1 {
  static readonly type = 'directory.branch.updated.v1';
}

export class DepartmentSnapshotV1 {
  @IsUUID() departmentId!: string;
  @IsString() @MaxLength(200) name!: string;
  @IsOptional() @IsUUID() headId!: string | null;
  /** Every member after the change (the head is not implicitly a member). */
  @IsArray() @ArrayUnique() @IsUUID('all', { each: true }) memberIds!: string[];
  @IsISO8601() at!: string;
}

export class DepartmentCreatedV1 extends DepartmentSnapshotV1 {
  static readonly type = 'directory.department.created.v1';
}

export class DepartmentUpdatedV1 extends DepartmentSnapshotV1 {
  static readonly type = 'directory.department.updated.v1';
}

/** Who joined and left a department; `memberIds` is the whole membership afterwards. */
export class DepartmentMembershipChangedV1 {
  static readonly type = 'directory.department.membership-changed.v1';
  @IsUUID() departmentId!: string;
  @IsArray() @ArrayUnique() @IsUUID('all', { each: true }) addedPersonIds!: string[];
  @IsArray() @ArrayUnique() @IsUUID('all', { each: true }) removedPersonIds!: string[];
  @IsArray() @ArrayUnique() @IsUUID('all', { each: true }) memberIds!: string[];
  @IsISO8601() at!: string;
}

/** An employee's branch access as it stands now (main branch, additional branches, or every branch). */
export class EmployeeBranchesChangedV1 {
  static readonly type = 'directory.employee.branches-changed.v1';
  @IsUUID() personId!: string;
  @IsOptional() @IsUUID() mainBranchId!: string | null;
  @IsArray() @ArrayUnique() @IsUUID('all', { each: true }) additionalBranchIds!: string[];
  /** Access to every branch of the tenant, present and future. */
  @IsBoolean() allBranches!: boolean;
  @IsISO8601() at!: string;
}

export class ContactSnapshotV1 {
  @IsUUID() contactId!: string;
  @IsString() @MaxLength(100) lastName!: string;
  @IsString() @MaxLength(100) firstName!: string;
  @IsOptional() @IsString() middleName!: string | null;
  @IsEmail() email!: string;
  /** True when the email was generated for a messenger sender and cannot receive mail. */
  @IsBoolean() emailIsPlaceholder!: boolean;
  @IsOptional() @IsString() phone!: string | null;
  /** Messenger ids by messenger, e.g. `{ "telegram": "12345" }`. */
  @IsObject() messengerIds!: Record<string, string>;
  @IsOptional() @IsUUID() companyId!: string | null;
  @IsIn(CONTACT_STATUSES) status!: ContactStatus;
  @IsBoolean() notifications!: boolean;
  @IsOptional() @IsUUID() responsibleEmployeeId!: string | null;
  @IsOptional() @IsUUID() branchId!: string | null;
  /** The identity person (kind `contact`) once portal access is granted. */
  @IsOptional() @IsUUID() portalPersonId!: string | null;
  @IsISO8601() at!: string;
}

export class ContactCreatedV1 extends ContactSnapshotV1 {
  static readonly type = 'directory.contact.created.v1';
}

export class ContactUpdatedV1 extends ContactSnapshotV1 {
  static readonly type = 'directory.contact.updated.v1';
}

export class CompanySnapshotV1 {
  @IsUUID() companyId!: string;
  @IsString() @MaxLength(200) name!: string;
  @IsOptional() @IsString() taxId!: string | null;
  @IsArray() @ArrayUnique() @IsUUID('all', { each: true }) clientManagerIds!: string[];
  @IsISO8601() at!: string;
}

export class CompanyCreatedV1 extends CompanySnapshotV1 {
  static readonly type = 'directory.company.created.v1';
}

export class CompanyUpdatedV1 extends CompanySnapshotV1 {
  static readonly type = 'directory.company.updated.v1';
}

/** Client managers see every order of their company; each id is a contact of the company or an employee of the tenant. */
export class CompanyClientManagersChangedV1 {
  static readonly type = 'directory.company.client-managers-changed.v1';
  @IsUUID() companyId!: string;
  @IsArray() @ArrayUnique() @IsUUID('all', { each: true }) addedPersonIds!: string[];
  @IsArray() @ArrayUnique() @IsUUID('all', { each: true }) removedPersonIds!: string[];
  @IsArray() @ArrayUnique() @IsUUID('all', { each: true }) clientManagerIds!: string[];
  @IsISO8601() at!: string;
}

export class ChannelSnapshotV1 {
  @IsUUID() channelId!: string;
  @IsIn(CHANNEL_KINDS) kind!: ChannelKind;
  @IsString() address!: string;
  @IsString() @MaxLength(200) name!: string;
  @IsUUID() departmentId!: string;
  @IsISO8601() at!: string;
}

export class ChannelCreatedV1 extends ChannelSnapshotV1 {
  static readonly type = 'directory.channel.created.v1';
}

export class ChannelUpdatedV1 extends ChannelSnapshotV1 {
  static readonly type = 'directory.channel.updated.v1';
}

export class InboundSenderV1 {
  @IsOptional() @IsString() email!: string | null;
  @IsOptional() @IsString() name!: string | null;
  @IsOptional() @IsString() messengerId!: string | null;
  @IsOptional() @IsString() phone!: string | null;
}

/**
 * A message arrived on a channel; the channel's department owns what it opens. Published once per
 * (channel, external message id); the orders service opens a ticket from it.
 */
export class InboundReceivedV1 {
  static readonly type = 'directory.inbound.received.v1';
  /** Directory's id of the recorded inbound message (also the CloudEvent subject). */
  @IsUUID() inboundMessageId!: string;
  @IsUUID() channelId!: string;
  @IsIn(CHANNEL_KINDS) channelKind!: ChannelKind;
  @IsUUID() departmentId!: string;
  @IsUUID() contactId!: string;
  @IsOptional() @IsUUID() companyId!: string | null;
  /** True when the contact was created by this message. */
  @IsBoolean() contactCreated!: boolean;
  /** The connector's id of the message, unique per channel. */
  @IsString() externalMessageId!: string;
  /** The message id it answers (an email's In-Reply-To). Added compatibly: absent in older events. */
  @IsOptional() @IsString() inReplyTo?: string | null;
  /** The thread's earlier message ids, oldest first (an email's References). Added compatibly: absent in older events. */
  @IsOptional() @IsArray() @IsString({ each: true }) references?: string[];
  @ValidateNested() @Type(() => InboundSenderV1) from!: InboundSenderV1;
  @IsOptional() @IsString() subject!: string | null;
  @IsString() text!: string;
  @IsISO8601() receivedAt!: string;
}

export class EquipmentSnapshotV1 {
  @IsUUID() equipmentId!: string;
  @IsUUID() companyId!: string;
  @IsOptional() @IsUUID() parentId!: string | null;
  @IsString() @MaxLength(200) name!: string;
  @IsOptional() @IsString() kind!: string | null;
  @IsOptional() @IsString() serialNumber!: string | null;
  @IsOptional() @IsString() location!: string | null;
  @IsOptional() @IsString() notes!: string | null;
  @IsISO8601() at!: string;
}

export class EquipmentCreatedV1 extends EquipmentSnapshotV1 {
  static readonly type = 'directory.equipment.created.v1';
}

/** Also published when a node moves: its subtree moves with it (descendants keep their parents). */
export class EquipmentUpdatedV1 extends EquipmentSnapshotV1 {
  static readonly type = 'directory.equipment.updated.v1';
}

/** Deletions are refused while anything references the entity (see each RPC), so these are final. */
export class BranchDeletedV1 {
  static readonly type = 'directory.branch.deleted.v1';
  @IsUUID() branchId!: string;
  @IsISO8601() at!: string;
}

export class DepartmentDeletedV1 {
  static readonly type = 'directory.department.deleted.v1';
  @IsUUID() departmentId!: string;
  /** Members at the time of deletion, who lose the department. */
  @IsArray() @ArrayUnique() @IsUUID('all', { each: true }) memberIds!: string[];
  @IsISO8601() at!: string;
}

export class ChannelDeletedV1 {
  static readonly type = 'directory.channel.deleted.v1';
  @IsUUID() channelId!: string;
  @IsISO8601() at!: string;
}

export class EquipmentDeletedV1 {
  static readonly type = 'directory.equipment.deleted.v1';
  @IsUUID() equipmentId!: string;
  @IsUUID() companyId!: string;
  @IsISO8601() at!: string;
}
