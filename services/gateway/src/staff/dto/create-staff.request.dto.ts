import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PersonFieldsRequestDto } from './person-fields.request.dto';

export class CreateStaffRequestDto extends PersonFieldsRequestDto {
  @ApiPropertyOptional({ minLength: 8, description: 'Grants login access with this password; without it the employee is `no_access`' })
  @IsOptional()
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: "The employee's groups; omitted or empty: the Employee group" })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'must contain only group ids (UUIDs)' })
  groupIds?: string[];
}
