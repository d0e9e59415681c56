import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateIf } from 'class-validator';
import { INQUIRY_STATUSES, MAX_MESSAGE_LENGTH, RECEPTION_MODES, Trim } from '@warden/contracts';
import type { InquiryStatus, ReceptionMode } from '@warden/contracts';
import { PageQueryDto } from '../../chats/dto/conversation.request.dto';

export class ReceiveInquiryRequestDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The client who wrote; required for employees and connectors, ignored for a signed-in client',
  })
  @IsOptional()
  @IsUUID()
  contactId?: string;

  @ApiProperty({ minLength: 1, maxLength: MAX_MESSAGE_LENGTH })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_MESSAGE_LENGTH)
  text!: string;
}

export class ListInquiriesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: INQUIRY_STATUSES, description: '`waiting` is the queue' })
  @IsOptional()
  @IsIn(INQUIRY_STATUSES)
  status?: InquiryStatus;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() assigneeId?: string;
}

export class InquiryParamsDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() id!: string;
}

export class PersonParamsDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() personId!: string;
}

export class ReassignInquiryRequestDto {
  @ApiProperty({ format: 'uuid', description: 'An employee who can be assigned inquiries' }) @IsUUID() assigneeId!: string;
}

export class RoutingPreviewQueryDto {
  @ApiProperty({ format: 'uuid', description: 'The client whose next inquiry to route' }) @IsUUID() contactId!: string;
}

export class SetReceptionRequestDto {
  @ApiProperty({ enum: RECEPTION_MODES, description: '`anyone` only for employees with access to all branches' })
  @IsIn(RECEPTION_MODES)
  mode!: ReceptionMode;
}

export class UpdateChatSettingsRequestDto {
  @ApiPropertyOptional({ description: 'Client ↔ employee chats (e.g. student ↔ teacher)' })
  @IsOptional()
  @IsBoolean()
  clientEmployeeChats?: boolean;
  @ApiPropertyOptional({ description: 'Client group chats' }) @IsOptional() @IsBoolean() clientGroupChats?: boolean;
  @ApiPropertyOptional({ description: 'Clients may write to the organisation (inquiries)' }) @IsOptional() @IsBoolean() inquiries?: boolean;
  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    minimum: 1,
    description: 'Release a sticky inquiry after its assignee has been offline this many minutes; null: never',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  stickyReleaseMinutes?: number | null;
  @ApiPropertyOptional({ description: 'Route only to employees inside their work schedule' })
  @IsOptional()
  @IsBoolean()
  useWorkSchedules?: boolean;
}
