import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsObject, IsString } from 'class-validator';
import { PREVIEW_KINDS } from '@warden/contracts';
import type { PreviewKind } from '@warden/contracts';

export class PreviewRequestDto {
  @ApiProperty({
    enum: PREVIEW_KINDS,
    example: 'person-status-access',
    description:
      'The change previewed, named by its route: `person-status-access` (PUT /staff/{id}/status-access), `group-status-access` ' +
      '(PUT /groups/{id}/status-access), `group-members-add` (POST /groups/{id}/members, `{"personIds"}`), `group-member-remove` ' +
      '(DELETE /groups/{id}/members/{personId}, given as `{"personId"}`), `group` (PATCH /groups/{id}: rights, login bar), ' +
      '`person-right` (PUT /staff/{id}/rights), `department` (PATCH /departments/{id}: head, members).',
  })
  @IsIn(PREVIEW_KINDS)
  kind!: PreviewKind;

  @ApiProperty({
    format: 'uuid',
    description: 'The `{id}` of the route previewed (a person, a group or a department); not an id or not there: 404, as for the change',
  })
  @IsString()
  targetId!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { levels: [{ statusId: '0192f0c4-0000-7000-8000-000000000007', level: 'none' }] },
    description: 'Exactly the body of the route previewed, validated as that route validates it (the same 422, fields named as there)',
  })
  @IsObject()
  change!: Record<string, unknown>;
}
