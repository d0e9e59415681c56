import { ApiProperty } from '@nestjs/swagger';
import type { EquipmentTreeNode, EquipmentView } from '@warden/contracts';

export class EquipmentResponseDto implements EquipmentView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) companyId!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) parentId!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) kind!: string | null;
  @ApiProperty({ nullable: true, type: String }) serialNumber!: string | null;
  @ApiProperty({ nullable: true, type: String }) location!: string | null;
  @ApiProperty({ nullable: true, type: String }) notes!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class EquipmentTreeNodeResponseDto extends EquipmentResponseDto implements EquipmentTreeNode {
  @ApiProperty({ type: () => [EquipmentTreeNodeResponseDto] }) children!: EquipmentTreeNodeResponseDto[];
}
