import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID } from 'class-validator';

export class AddMembersRequestDto {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: 500, description: 'People (staff ids) to add' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  personIds!: string[];
}
