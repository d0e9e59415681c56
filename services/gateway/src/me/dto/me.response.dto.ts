import { ApiProperty } from '@nestjs/swagger';
import { StaffResponseDto } from '../../staff/dto/staff.response.dto';

export class MeResponseDto extends StaffResponseDto {
  @ApiProperty({ format: 'uuid' }) tenantId!: string;
  @ApiProperty({ example: 'acme-service' }) tenantSlug!: string;
  @ApiProperty({ format: 'uuid', description: 'This sign-in session' }) sessionId!: string;
}

export class HeartbeatResponseDto {
  @ApiProperty({ enum: ['online'] }) presence!: 'online';
}
