import { ApiProperty } from '@nestjs/swagger';
import type { CompanyView } from '@warden/contracts';

export class CompanyResponseDto implements CompanyView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Acme LLC' }) name!: string;
  @ApiProperty({ nullable: true, type: String }) taxId!: string | null;
  @ApiProperty({ type: [String], format: 'uuid' }) clientManagerIds!: string[];
  @ApiProperty({ type: 'integer', description: 'Contacts of the company (list them with GET /api/v1/contacts?companyId=)' })
  contactCount!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class CompanyPageResponseDto {
  @ApiProperty({ type: [CompanyResponseDto] }) items!: CompanyResponseDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
