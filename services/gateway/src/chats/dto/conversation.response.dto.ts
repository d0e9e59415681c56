import { ApiProperty } from '@nestjs/swagger';
import { CONVERSATION_KINDS } from '@warden/contracts';
import type { ChatKindsView, ConversationKind, ConversationView, MessageView, ParticipantView } from '@warden/contracts';

export class ParticipantResponseDto implements ParticipantView {
  @ApiProperty({ format: 'uuid', description: "An employee's person id or a contact id" }) id!: string;
  @ApiProperty({ enum: ['employee', 'contact'] }) kind!: 'employee' | 'contact';
}

export class ConversationResponseDto implements ConversationView {
  @ApiProperty({ format: 'uuid', description: 'For an inquiry, also the inquiry id' }) id!: string;
  @ApiProperty({ enum: CONVERSATION_KINDS }) kind!: ConversationKind;
  @ApiProperty({ nullable: true, type: String }) title!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) branchId!: string | null;
  @ApiProperty({ type: [ParticipantResponseDto] }) participants!: ParticipantResponseDto[];
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) createdBy!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) lastMessageAt!: string | null;
  @ApiProperty({ type: 'integer', description: 'Messages after your read mark' }) unreadCount!: number;
}

export class ConversationPageResponseDto {
  @ApiProperty({ type: [ConversationResponseDto] }) items!: ConversationResponseDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class MessageResponseDto implements MessageView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) conversationId!: string;
  @ApiProperty({ format: 'uuid', description: "An employee's person id, or the contact id for a client's message" }) authorId!: string;
  @ApiProperty({ enum: ['employee', 'contact'] }) authorKind!: 'employee' | 'contact';
  @ApiProperty() text!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class MessagePageResponseDto {
  @ApiProperty({ type: [MessageResponseDto], description: 'Newest first' }) items!: MessageResponseDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for older messages' }) nextCursor!: string | null;
}

export class ReadMarkResponseDto {
  @ApiProperty({ format: 'uuid' }) conversationId!: string;
  @ApiProperty({ format: 'uuid' }) lastReadMessageId!: string;
  @ApiProperty({ type: 'integer' }) unreadCount!: number;
}

export class ChatKindsResponseDto implements ChatKindsView {
  @ApiProperty({ enum: [true], description: 'Internal chats have no switch' }) internalChats!: true;
  @ApiProperty({ description: 'Client ↔ employee chats (e.g. student ↔ teacher)' }) clientEmployeeChats!: boolean;
  @ApiProperty({ description: 'Client group chats (students with their classmates)' }) clientGroupChats!: boolean;
  @ApiProperty({ description: 'Clients may write to the organisation (inquiries)' }) inquiries!: boolean;
}
