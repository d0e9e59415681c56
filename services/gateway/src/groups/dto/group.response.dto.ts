import { ApiProperty } from '@nestjs/swagger';
import { ACCESS_LEVELS, RIGHT_NAMES } from '@warden/contracts';
import type { AccessLevel, GroupDefaultLevels, GroupView, Right } from '@warden/contracts';

export class OrderDefaultLevelsResponseDto {
  @ApiProperty({ enum: ACCESS_LEVELS }) initial!: AccessLevel;
  @ApiProperty({ enum: ACCESS_LEVELS }) active!: AccessLevel;
  @ApiProperty({ enum: ACCESS_LEVELS }) final!: AccessLevel;
}

export class GroupDefaultLevelsResponseDto implements GroupDefaultLevels {
  @ApiProperty({ type: OrderDefaultLevelsResponseDto, description: 'On order statuses, by category' })
  order!: OrderDefaultLevelsResponseDto;
  @ApiProperty({ enum: ACCESS_LEVELS, description: 'On every task status' }) task!: AccessLevel;
}

export class GroupResponseDto implements GroupView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Masters' }) name!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    enum: ['administrator', 'employee', 'client'],
    description: 'Set for the groups every tenant starts with; the Administrator group always has every right',
  })
  systemKey!: string | null;
  @ApiProperty({ enum: RIGHT_NAMES, isArray: true }) rights!: Right[];
  @ApiProperty({ description: 'Members of a barred group cannot log in, whatever else grants it' }) loginBarred!: boolean;
  @ApiProperty({ type: 'integer' }) memberCount!: number;
  @ApiProperty({
    type: GroupDefaultLevelsResponseDto,
    description:
      'The level the group has on a status nobody set a level on for it (`GET|PUT /groups/{id}/status-access` set one). ' +
      'A group you create has `none` on every order status — its members see no order through it until you grant levels — ' +
      'and `set` on every task status. Administrator: `set` everywhere; Employee: `set`, `view` on final order statuses; ' +
      'Client: `set` on initial order statuses, `view` on the others.',
  })
  defaultLevels!: GroupDefaultLevelsResponseDto;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class GroupDetailResponseDto extends GroupResponseDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'People in the group' }) memberIds!: string[];
}

export class RightResponseDto {
  @ApiProperty({ enum: RIGHT_NAMES, example: 'staff.manage' }) name!: Right;
  @ApiProperty({ example: 'Create, change, delete employees and grant them login access.' }) description!: string;
}
