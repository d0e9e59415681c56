import { ApiProperty } from '@nestjs/swagger';
import { RIGHT_NAMES } from '@warden/contracts';
import type { GroupView, Right } from '@warden/contracts';

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
