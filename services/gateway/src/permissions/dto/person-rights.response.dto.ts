import { ApiProperty } from '@nestjs/swagger';
import { RIGHT_NAMES } from '@warden/contracts';
import type { PersonRights, Right } from '@warden/contracts';

export class GroupRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Employee' }) name!: string;
}

export class RightOverrideDto {
  @ApiProperty({ enum: RIGHT_NAMES }) right!: Right;
  @ApiProperty({ enum: ['allow', 'deny'] }) effect!: 'allow' | 'deny';
}

export class PersonRightsResponseDto implements PersonRights {
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty({ type: [GroupRefDto] }) groups!: GroupRefDto[];
  @ApiProperty({
    type: [RightOverrideDto],
    description: 'Rights granted or denied to this person alone; a personal deny wins over every group',
  })
  overrides!: RightOverrideDto[];
  @ApiProperty({ enum: RIGHT_NAMES, isArray: true, description: 'What the person may do after groups, overrides and login bars' })
  effectiveRights!: Right[];
}
