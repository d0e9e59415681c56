import { ApiProperty } from '@nestjs/swagger';
import { CONTACT_STATUSES } from '@warden/contracts';
import type { ContactStatus, ContactView, PortalAccessState } from '@warden/contracts';

export class ContactResponseDto implements ContactView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() lastName!: string;
  @ApiProperty() firstName!: string;
  @ApiProperty({ nullable: true, type: String }) middleName!: string | null;
  @ApiProperty() fullName!: string;
  @ApiProperty({ format: 'email' }) email!: string;
  @ApiProperty({ description: 'A generated `@no-email.invalid` address for a messenger sender; mail is never sent to it' })
  emailIsPlaceholder!: boolean;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) messengerIds!: Record<string, string>;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) companyId!: string | null;
  @ApiProperty({ enum: CONTACT_STATUSES }) status!: ContactStatus;
  @ApiProperty() notifications!: boolean;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) responsibleEmployeeId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) branchId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) portalPersonId!: string | null;
  @ApiProperty({ enum: ['none', 'requested', 'granted'] }) portalAccess!: PortalAccessState;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class ContactPageResponseDto {
  @ApiProperty({ type: [ContactResponseDto] }) items!: ContactResponseDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
