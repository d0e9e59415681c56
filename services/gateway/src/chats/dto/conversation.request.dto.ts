import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { CONVERSATION_KINDS, CREATABLE_CONVERSATION_KINDS, MAX_MESSAGE_LENGTH, Trim } from '@warden/contracts';
import type { ConversationKind, CreatableConversationKind } from '@warden/contracts';

export class CreateConversationRequestDto {
  @ApiProperty({ enum: CREATABLE_CONVERSATION_KINDS, description: 'Inquiries are opened by clients (POST /api/v1/inquiries)' })
  @IsIn(CREATABLE_CONVERSATION_KINDS)
  kind!: CreatableConversationKind;

  @ApiPropertyOptional({ type: String, maxLength: 200, nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(200)
  title?: string | null;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: 200,
    default: [],
    description: 'Other employees (an employee is added itself; a client names none)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  employeeIds?: string[];

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: 200,
    description: 'Contacts (client chats only); a client names its classmates and is added itself',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  contactIds?: string[];

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: "Client chats: the branch (defaults to the first contact's; a client's chat is of its own branch)",
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  branchId?: string | null;
}

export class PageQueryDto {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' }) @IsOptional() @IsString() @MaxLength(200) cursor?: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class ListConversationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CONVERSATION_KINDS }) @IsOptional() @IsIn(CONVERSATION_KINDS) kind?: ConversationKind;
}

export class PostMessageRequestDto {
  @ApiProperty({ minLength: 1, maxLength: MAX_MESSAGE_LENGTH, example: 'Hello! When is the next lesson?' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_MESSAGE_LENGTH)
  text!: string;
}

export class ReadMarkRequestDto {
  @ApiProperty({ format: 'uuid', description: 'The newest message you have read' }) @IsUUID() messageId!: string;
}

export class ConversationParamsDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() id!: string;
}
