import { ApiProperty } from '@nestjs/swagger';
import { AUDIT_ACTOR_KINDS } from '@warden/contracts';
import type { AuditActorKind, AuditEntryView } from '@warden/contracts';

export class AuditActorDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The signed-in person; null for a change the system made' })
  id!: string | null;
  @ApiProperty({ enum: AUDIT_ACTOR_KINDS }) kind!: AuditActorKind;
}

export class AuditResourceDto {
  @ApiProperty({ example: 'person' }) type!: string;
  @ApiProperty({ example: '0190a5c2-7c1e-7d2a-9b1e-3f5c7d9e1a2b' }) id!: string;
}

const VALUES = { type: 'object', additionalProperties: true } as const;

export class AuditEntryResponseDto implements AuditEntryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: AuditActorDto }) actor!: AuditActorDto;
  @ApiProperty({ example: 'status-access.person.updated' }) action!: string;
  @ApiProperty({ type: AuditResourceDto }) resource!: AuditResourceDto;
  @ApiProperty({ ...VALUES, description: 'The changed fields before the change (empty for a creation)' }) before!: Record<string, unknown>;
  @ApiProperty({ ...VALUES, description: 'The changed fields after the change (empty for a deletion)' }) after!: Record<string, unknown>;
  @ApiProperty({ nullable: true, type: String, description: 'The X-Request-Id of the change; null for a change the system made' })
  requestId!: string | null;
}

export class AuditPageResponseDto {
  @ApiProperty({ type: [AuditEntryResponseDto], description: 'Newest first' }) items!: AuditEntryResponseDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for older entries' }) nextCursor!: string | null;
}

/** The example of the OpenAPI document: a master's level on "Ready" lowered by an administrator. */
export const AUDIT_PAGE_EXAMPLE: AuditPageResponseDto = {
  items: [
    {
      id: '0193f1a2-5b6c-7d8e-9f01-23456789abcd',
      at: '2026-03-02T09:15:04.512Z',
      actor: { id: '0193f19e-1111-7222-8333-444455556666', kind: 'person' },
      action: 'status-access.person.updated',
      resource: { type: 'person', id: '0193f1a0-aaaa-7bbb-8ccc-ddddeeeeffff' },
      before: { levels: { '0193f19f-0000-7000-8000-00000000000a': 'set' }, ownLevels: { '0193f19f-0000-7000-8000-00000000000a': null } },
      after: { levels: { '0193f19f-0000-7000-8000-00000000000a': 'view' }, ownLevels: { '0193f19f-0000-7000-8000-00000000000a': 'view' } },
      requestId: '5f0c6b1e-8a4d-4c1b-9d7e-2a3b4c5d6e7f',
    },
  ],
  nextCursor: null,
};
