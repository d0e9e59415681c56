import { ApiProperty } from '@nestjs/swagger';
import { StaffResponseDto } from '../../staff/dto/staff.response.dto';

export class TenantResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'acme-service' }) slug!: string;
  @ApiProperty({ example: 'Acme Service Ltd' }) name!: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
}

export class CreatedTenantResponseDto {
  @ApiProperty({ type: TenantResponseDto }) tenant!: TenantResponseDto;
  @ApiProperty({ type: StaffResponseDto }) administrator!: StaffResponseDto;
}
