import { ApiProperty } from '@nestjs/swagger';
import type { BranchView, EmployeeBranchesView } from '@warden/contracts';

export class BranchResponseDto implements BranchView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Downtown' }) name!: string;
  @ApiProperty({ nullable: true, type: String }) address!: string | null;
  @ApiProperty({ example: 'Europe/Moscow' }) timeZone!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class EmployeeBranchesResponseDto implements EmployeeBranchesView {
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) mainBranchId!: string | null;
  @ApiProperty({ type: [String], format: 'uuid' }) additionalBranchIds!: string[];
  @ApiProperty() allBranches!: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'null while never set' }) updatedAt!: string | null;
}
