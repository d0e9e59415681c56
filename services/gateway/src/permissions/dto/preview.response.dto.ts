import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { PermissionPreview, PersonPreview, PreviewAction, PreviewExplanation, PreviewVerdict, SightDelta } from '@warden/contracts';

export class StatusCountDto {
  @ApiProperty({ format: 'uuid' }) statusId!: string;
  @ApiProperty({ type: 'integer' }) count!: number;
}

export class SightDeltaDto implements SightDelta {
  @ApiProperty({ type: 'integer' }) total!: number;
  @ApiProperty({ type: [StatusCountDto], description: 'Per status, in workflow order' }) byStatus!: StatusCountDto[];
  @ApiProperty({ type: [String], description: 'Up to 10 ids, newest first' }) sample!: string[];
}

export class SightChangeDto {
  @ApiProperty({ type: SightDeltaDto, description: 'Seen now and no longer after the change' }) lose!: SightDeltaDto;
  @ApiProperty({ type: SightDeltaDto, description: 'Not seen now and seen after the change' }) gain!: SightDeltaDto;
}

export class PreviewActionDto implements PreviewAction {
  @ApiProperty({
    example: 'order.status.set',
    description: 'A right of the catalog, `order.status.set` (with `statusId`) or `order.closed.change`',
  })
  action!: string;
  @ApiPropertyOptional({ format: 'uuid' }) statusId?: string;
}

export class ActionChangeDto {
  @ApiProperty({ type: [PreviewActionDto] }) lose!: PreviewActionDto[];
  @ApiProperty({ type: [PreviewActionDto] }) gain!: PreviewActionDto[];
}

export class PreviewVerdictDto implements PreviewVerdict {
  @ApiProperty({
    example: 'RIGHT.NOT_GRANTED',
    description: 'For a right, the code GET /permissions/explain gives (ALLOWED.GROUP, RIGHT.NOT_GRANTED, ...); for a status, the level',
  })
  code!: string;
  @ApiProperty({ example: "The right 'orders.transfer' is not granted by any of the person's groups" }) reason!: string;
}

export class PreviewExplanationDto implements PreviewExplanation {
  @ApiProperty({
    example: 'order.status.level',
    description: 'A right of the catalog, `order.status.level` (the level on `statusId`) or `order.closed.change`',
  })
  action!: string;
  @ApiPropertyOptional({ format: 'uuid' }) statusId?: string;
  @ApiProperty({ type: PreviewVerdictDto }) before!: PreviewVerdictDto;
  @ApiProperty({ type: PreviewVerdictDto }) after!: PreviewVerdictDto;
}

export class PersonPreviewDto implements PersonPreview {
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty({ type: SightChangeDto, description: "The person's order lists (GET /orders)" }) orders!: SightChangeDto;
  @ApiProperty({
    type: SightChangeDto,
    description: "The person's task lists (GET /tasks)",
  })
  tasks!: SightChangeDto;
  @ApiProperty({ type: ActionChangeDto }) actions!: ActionChangeDto;
  @ApiProperty({
    type: [PreviewExplanationDto],
    description: 'Why, in the terms of GET /permissions/explain: each decision the change turns, before and after',
  })
  explain!: PreviewExplanationDto[];
}

export class PermissionPreviewResponseDto implements PermissionPreview {
  @ApiProperty({ type: 'integer', description: 'The policy version the preview was computed on; a preview never changes it' })
  policyVersion!: number;
  @ApiProperty({ type: [PersonPreviewDto], description: 'Only people whose sight or actions change' }) people!: PersonPreviewDto[];
}

const NOTHING = { total: 0, byStatus: [], sample: [] };

/** The example of the OpenAPI document: what orders, tasks and actions people lose or gain. */
export const PREVIEW_EXAMPLE: PermissionPreviewResponseDto = {
  policyVersion: 42,
  people: [
    {
      personId: '0193f19e-2222-7333-8444-555566667777',
      orders: {
        lose: {
          total: 2,
          byStatus: [{ statusId: '0192f0c4-0000-7000-8000-000000000007', count: 2 }],
          sample: ['0193f2b0-0000-7000-8000-00000000000b', '0193f2b0-0000-7000-8000-00000000000a'],
        },
        gain: NOTHING,
      },
      tasks: { lose: NOTHING, gain: NOTHING },
      actions: { lose: [{ action: 'order.status.set', statusId: '0192f0c4-0000-7000-8000-000000000007' }], gain: [] },
      explain: [
        {
          action: 'order.status.level',
          statusId: '0192f0c4-0000-7000-8000-000000000007',
          before: { code: 'set', reason: "group 'Masters' gives 'set' on 'Ready'" },
          after: { code: 'none', reason: "personal override 'none' on 'Ready'" },
        },
      ],
    },
    {
      // A colleague with tasks.read-department whose department the master is moved out of (kind `department`).
      personId: '0193f19e-2222-7333-8444-555566667778',
      orders: { lose: NOTHING, gain: NOTHING },
      tasks: {
        lose: {
          total: 1,
          byStatus: [{ statusId: '0192f0c4-0000-7000-8000-000000000011', count: 1 }],
          sample: ['0193f2c0-0000-7000-8000-000000000001'],
        },
        gain: NOTHING,
      },
      actions: { lose: [], gain: [] },
      explain: [],
    },
  ],
};

/** Requests of the OpenAPI document, one per kind of change that moves sight the most. */
export const PREVIEW_REQUEST_EXAMPLES = {
  'status-level': {
    summary: 'A master\'s level on "Ready" lowered to none',
    value: {
      kind: 'person-status-access',
      targetId: '0193f19e-2222-7333-8444-555566667777',
      change: { levels: [{ statusId: '0192f0c4-0000-7000-8000-000000000007', level: 'none' }] },
    },
  },
  department: {
    summary: 'A department gets a new head and loses a member (who leave or join see its orders, or stop)',
    value: {
      kind: 'department',
      targetId: '0193f1a0-0000-7000-8000-000000000003',
      change: { headId: '0193f19e-2222-7333-8444-555566667777', memberIds: ['0193f19e-2222-7333-8444-555566667778'] },
    },
  },
};
