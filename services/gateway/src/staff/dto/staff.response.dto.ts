import { ApiProperty } from '@nestjs/swagger';
import { PERSON_KINDS, SYSTEM_STATUSES } from '@warden/contracts';
import type { GroupRef, PersonKind, SystemStatus } from '@warden/contracts';

export class GroupRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Employee' }) name!: string;
}

export class SignInRefusalDto {
  @ApiProperty({
    example: 'LOGIN.GROUP_BARRED',
    description:
      'STAFF.DELETED, STAFF.ACCESS_DISABLED, STAFF.NO_PASSWORD, LOGIN.GROUP_BARRED (a group of the person is barred from login), RIGHT.DENIED_PERSONALLY or RIGHT.NOT_GRANTED (auth.login)',
  })
  code!: string;
  @ApiProperty({ example: "Group 'Interns' is barred from logging in" }) reason!: string;
}

/** One person of the staff registry, with the groups the permissions service holds for them. */
export class StaffResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: PERSON_KINDS }) kind!: PersonKind;
  @ApiProperty({ example: 'Ivanova' }) lastName!: string;
  @ApiProperty({ example: 'Anna' }) firstName!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Petrovna' }) middleName!: string | null;
  @ApiProperty({ example: 'Ivanova Anna Petrovna' }) fullName!: string;
  @ApiProperty({ type: String, nullable: true, example: '+7 900 000-00-00' }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Engineer' }) position!: string | null;
  @ApiProperty({ example: 'anna@example.com' }) email!: string;
  @ApiProperty({
    enum: SYSTEM_STATUSES,
    description:
      'no_access: cannot sign in (see signInRefusal: access off, no password, a group barred from login, auth.login denied); online/offline: presence; deleted: soft-deleted',
  })
  systemStatus!: SystemStatus;
  @ApiProperty({
    type: SignInRefusalDto,
    nullable: true,
    description: 'Why the person cannot sign in; null when it can. The sign-in answer itself stays generic.',
  })
  signInRefusal!: SignInRefusalDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastLoginAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deletedAt!: string | null;
  @ApiProperty({ type: [GroupRefDto] }) groups!: GroupRef[];
}

export class StaffPageResponseDto {
  @ApiProperty({ type: [StaffResponseDto] }) items!: StaffResponseDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page' })
  nextCursor!: string | null;
}
