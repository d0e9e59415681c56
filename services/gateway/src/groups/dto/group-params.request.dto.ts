import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class GroupParamsDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() id!: string;
}

export class GroupMemberParamsDto extends GroupParamsDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() personId!: string;
}
