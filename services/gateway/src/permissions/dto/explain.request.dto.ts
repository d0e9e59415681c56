import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsJSON, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

export class ExplainQueryDto {
  @ApiProperty({ format: 'uuid', description: 'Whose decision to explain' })
  @IsUUID()
  personId!: string;

  @ApiProperty({ example: 'groups.manage', description: 'A right of the catalog, or a resource action together with `resource`' })
  @IsString()
  @MaxLength(100)
  @Matches(/^[a-z][a-z0-9.-]*$/, { message: 'must be a right or action name like orders.read' })
  action!: string;

  @ApiPropertyOptional({
    description: 'The resource, as JSON: an object with `type` and the attributes its rule needs',
    example: '{"type":"order","statusId":"0192f0c4-0000-7000-8000-000000000000"}',
  })
  @IsOptional()
  @IsJSON()
  @MaxLength(2000)
  resource?: string;
}
