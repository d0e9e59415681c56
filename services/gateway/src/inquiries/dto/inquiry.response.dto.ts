import { ApiProperty } from '@nestjs/swagger';
import { INQUIRY_STATUSES, RECEPTION_MODES, REJECTION_REASONS, ROUTING_OUTCOMES, ROUTING_TRIGGERS } from '@warden/contracts';
import type {
  CandidateVerdict,
  ChatSettingsView,
  InquiryDetailsView,
  InquiryStatus,
  InquiryView,
  ReceivedInquiryView,
  ReceptionMode,
  ReceptionView,
  RejectionReason,
  RoutingDecisionView,
  RoutingOutcome,
  RoutingTrigger,
} from '@warden/contracts';

export class InquiryResponseDto implements InquiryView {
  @ApiProperty({ format: 'uuid', description: 'Also the conversation id (messages: /api/v1/conversations/{id}/messages)' }) id!: string;
  @ApiProperty({ format: 'uuid' }) contactId!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: "The client's branch when the inquiry was opened" }) branchId!:
    | string
    | null;
  @ApiProperty({ enum: INQUIRY_STATUSES }) status!: InquiryStatus;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) assigneeId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) assignedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'In the queue since' }) waitingSince!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) closedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) lastMessageAt!: string | null;
}

export class ReceivedInquiryResponseDto extends InquiryResponseDto implements ReceivedInquiryView {
  @ApiProperty({ description: "false: the message joined the client's open inquiry" }) created!: boolean;
  @ApiProperty({ format: 'uuid' }) messageId!: string;
}

export class InquiryPageResponseDto {
  @ApiProperty({ type: [InquiryResponseDto] }) items!: InquiryResponseDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class CandidateVerdictResponseDto implements CandidateVerdict {
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Passed every rule (the chosen one, or outranked on load / by a sticky assignee)' }) qualified!: boolean;
  @ApiProperty({ enum: REJECTION_REASONS, nullable: true, description: 'null for the chosen employee' }) reason!: RejectionReason | null;
  @ApiProperty({ enum: REJECTION_REASONS, isArray: true, description: 'Every rule the employee failed, in order' })
  failed!: RejectionReason[];
  @ApiProperty({ example: "Petrov Ivan does not hold 'inquiries.assignable' (can be assigned inquiries)" }) detail!: string;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'null when the right, mode or branch ruled the employee out before its load mattered',
  })
  openInquiries!: number | null;
}

export class ReleasedResponseDto {
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty({ type: 'integer' }) offlineMinutes!: number;
}

export class RoutingDecisionResponseDto implements RoutingDecisionView {
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'null for a dry run' }) id!: string | null;
  @ApiProperty({ enum: [...ROUTING_TRIGGERS, 'preview'] }) trigger!: RoutingTrigger | 'preview';
  @ApiProperty({ enum: ROUTING_OUTCOMES }) outcome!: RoutingOutcome;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) assigneeId!: string | null;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: ReleasedResponseDto, nullable: true }) released!: ReleasedResponseDto | null;
  @ApiProperty({ format: 'date-time' }) decidedAt!: string;
  @ApiProperty({ type: [CandidateVerdictResponseDto], description: 'Chosen first, then qualified by rank, then rejected' })
  candidates!: CandidateVerdictResponseDto[];
}

export class InquiryDetailsResponseDto extends InquiryResponseDto implements InquiryDetailsView {
  @ApiProperty({ type: [RoutingDecisionResponseDto], description: 'Stored routing decisions, oldest first (empty for clients)' })
  decisions!: RoutingDecisionResponseDto[];
}

export class ReceptionResponseDto implements ReceptionView {
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty({ enum: RECEPTION_MODES }) mode!: ReceptionMode;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) setBy!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) updatedAt!: string | null;
}

export class ChatSettingsResponseDto implements ChatSettingsView {
  @ApiProperty() clientEmployeeChats!: boolean;
  @ApiProperty() clientGroupChats!: boolean;
  @ApiProperty() inquiries!: boolean;
  @ApiProperty({ nullable: true, type: 'integer' }) stickyReleaseMinutes!: number | null;
  @ApiProperty() useWorkSchedules!: boolean;
}
