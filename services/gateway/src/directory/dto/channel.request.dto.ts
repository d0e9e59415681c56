import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsNotEmptyObject,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { CHANNEL_KINDS, Trim } from '@warden/contracts';
import type { ChannelKind } from '@warden/contracts';

export class CreateChannelRequestDto {
  @ApiProperty({ enum: CHANNEL_KINDS }) @IsIn(CHANNEL_KINDS) kind!: ChannelKind;
  @ApiProperty({ maxLength: 320, example: 'support@acme.example', description: 'Mailbox, bot name or widget key' })
  @IsString()
  @MinLength(1)
  @MaxLength(320)
  address!: string;
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Support mailbox' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;
  @ApiProperty({ format: 'uuid', description: 'Where what arrives on the channel lands' }) @IsUUID() departmentId!: string;
}

export class UpdateChannelRequestDto extends PartialType(CreateChannelRequestDto) {}

export class ListChannelsQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() departmentId?: string;
}

export class InboundSenderDto {
  @ApiPropertyOptional({ format: 'email', maxLength: 320 }) @IsOptional() @IsEmail() @MaxLength(320) email?: string;
  @ApiPropertyOptional({ maxLength: 200, example: 'Ivan Petrov' }) @IsOptional() @IsString() @MaxLength(200) name?: string;
  @ApiPropertyOptional({ maxLength: 200, description: 'Sender id in the messenger (channel-specific)', example: '12345' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  messengerId?: string;
  @ApiPropertyOptional({ maxLength: 50, example: '+7 900 000-00-00' }) @IsOptional() @IsString() @MaxLength(50) phone?: string;
}

export class InboundMessageRequestDto {
  @ApiProperty({ minLength: 1, maxLength: 500, description: "The connector's message id; repeating it is a no-op" })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  messageId!: string;
  @ApiProperty({ type: InboundSenderDto, description: 'Needs an email, a messengerId or a phone' })
  @IsObject()
  @IsNotEmptyObject()
  @ValidateNested()
  @Type(() => InboundSenderDto)
  from!: InboundSenderDto;
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @MaxLength(500) subject?: string;
  @ApiProperty({ maxLength: 100000 }) @IsString() @MaxLength(100_000) text!: string;
  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 500,
    description:
      "The message id an email answers (its In-Reply-To header). A reply to a message of an open ticket of this channel joins that ticket as the client's public comment",
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  inReplyTo?: string;
  @ApiPropertyOptional({
    type: [String],
    maxItems: 100,
    description: "The thread's earlier message ids (an email's References header), matched like inReplyTo",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(500, { each: true })
  references?: string[];
}
