// A task's participant as read, also a template's default participant (gateway tasks/ and templates/).
import { ApiProperty } from '@nestjs/swagger';
import { PERSON_KINDS, TASK_ROLES } from '@warden/contracts';
import type { PersonKind, TaskParticipantView, TaskRole } from '@warden/contracts';

export class TaskParticipantResponseDto implements TaskParticipantView {
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty({ enum: PERSON_KINDS }) kind!: PersonKind;
  @ApiProperty({ enum: TASK_ROLES }) role!: TaskRole;
}
