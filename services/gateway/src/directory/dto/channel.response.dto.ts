import { ApiProperty } from '@nestjs/swagger';
import { CHANNEL_KINDS } from '@warden/contracts';
import type { ChannelKind, ChannelView, InboundResult } from '@warden/contracts';

export class ChannelResponseDto implements ChannelView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: CHANNEL_KINDS }) kind!: ChannelKind;
  @ApiProperty({ example: 'support@acme.example' }) address!: string;
  @ApiProperty({ example: 'Support mailbox' }) name!: string;
  @ApiProperty({ format: 'uuid' }) departmentId!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class InboundResultResponseDto implements InboundResult {
  @ApiProperty({ format: 'uuid' }) inboundMessageId!: string;
  @ApiProperty({ format: 'uuid' }) channelId!: string;
  @ApiProperty({ format: 'uuid', description: "The channel's department, where the ticket opens" }) departmentId!: string;
  @ApiProperty({ format: 'uuid' }) contactId!: string;
  @ApiProperty({ description: 'The sender was not known and a contact was created' }) contactCreated!: boolean;
  @ApiProperty({ description: 'The message id was received before; nothing new was created (HTTP 200)' }) duplicate!: boolean;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
}
