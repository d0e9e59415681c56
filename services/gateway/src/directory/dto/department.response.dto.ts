import { ApiProperty } from '@nestjs/swagger';
import type { DepartmentView } from '@warden/contracts';

export class DepartmentResponseDto implements DepartmentView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'IT support' }) name!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) headId!: string | null;
  @ApiProperty({ type: [String], format: 'uuid' }) memberIds!: string[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}
