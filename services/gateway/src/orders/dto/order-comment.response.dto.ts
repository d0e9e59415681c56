import { ApiProperty } from '@nestjs/swagger';
import { COMMENT_VISIBILITIES, PERSON_KINDS } from '@warden/contracts';
import type { CommentVisibility, OrderCommentView, PersonKind } from '@warden/contracts';

export class OrderCommentResponseDto implements OrderCommentView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) orderId!: string;
  @ApiProperty({ example: 'The screen is on order, expected on Thursday.' }) body!: string;
  @ApiProperty({ enum: COMMENT_VISIBILITIES }) visibility!: CommentVisibility;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The employee or contact who wrote it' }) authorId!:
    | string
    | null;
  @ApiProperty({ enum: PERSON_KINDS }) authorKind!: PersonKind;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: "Set when the comment is the client's inbound message that joined the ticket",
  })
  inboundMessageId!: string | null;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Set when an automation rule wrote this internal note (`authorId` is then null)',
  })
  automationRuleId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class OrderCommentPageResponseDto {
  @ApiProperty({ type: [OrderCommentResponseDto] }) items!: OrderCommentResponseDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
