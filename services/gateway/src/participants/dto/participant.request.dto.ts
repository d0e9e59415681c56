// Participants of a task, also given as a template's default participants (gateway tasks/ and templates/).
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { TASK_ROLES } from '@warden/contracts';
import type { TaskRole } from '@warden/contracts';

export class ParticipantInputDto {
  @ApiProperty({ format: 'uuid', description: 'An employee or a contact of this tenant' })
  @IsUUID()
  personId!: string;

  @ApiProperty({ enum: TASK_ROLES })
  @IsIn(TASK_ROLES)
  role!: TaskRole;
}
