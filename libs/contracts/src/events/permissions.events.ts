import { ArrayUnique, IsArray, IsInt, IsOptional, IsString, IsUUID, Min } from 'class-validator';

export class PolicyChangedV1 {
  static readonly type = 'permissions.policy.changed.v1';
  /** The tenant's policy version after the change; decisions carry the version they were made under. */
  @IsInt() @Min(1) policyVersion!: number;
  /** People whose decisions may have changed; null means anyone in the tenant. */
  @IsOptional() @IsArray() @IsUUID('all', { each: true }) affectedPersonIds!: string[] | null;
  /** What changed, for people reading the stream: `group.rights`, `status-access.person`, ... */
  @IsString() change!: string;
}

export class GroupMembershipChangedV1 {
  static readonly type = 'permissions.membership.changed.v1';
  @IsUUID() groupId!: string;
  @IsString() groupName!: string;
  @IsArray() @ArrayUnique() @IsUUID('all', { each: true }) addedPersonIds!: string[];
  @IsArray() @ArrayUnique() @IsUUID('all', { each: true }) removedPersonIds!: string[];
}
