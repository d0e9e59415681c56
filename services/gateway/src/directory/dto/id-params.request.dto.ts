import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class IdParamsDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() id!: string;
}

export class MemberParamsDto extends IdParamsDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() personId!: string;
}

export class DeletedResponseDto {
  @ApiProperty({ enum: [true] }) deleted!: true;
}
