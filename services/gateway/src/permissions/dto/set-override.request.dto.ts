import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { RIGHT_NAMES } from '@warden/contracts';
import type { Right } from '@warden/contracts';

export class SetOverrideRequestDto {
  @ApiProperty({ enum: RIGHT_NAMES, example: 'staff.manage' })
  @IsIn(RIGHT_NAMES, { message: 'must be a right of the catalog (GET /api/v1/rights)' })
  right!: Right;

  @ApiProperty({
    enum: ['allow', 'deny'],
    nullable: true,
    description: '`allow` grants, `deny` refuses whatever the groups say, `null` removes the override',
  })
  @IsIn(['allow', 'deny', null], { message: "must be 'allow', 'deny' or null" })
  effect!: 'allow' | 'deny' | null;
}

export class StaffParamsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}
