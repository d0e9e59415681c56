import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/**
 * The change of a `group-member-remove` preview: `DELETE /groups/{id}/members/{personId}` has no body,
 * so its `{personId}` is given here and validated as that route validates it (group-params.request.dto.ts).
 */
export class RemoveMemberChangeDto {
  @ApiProperty({ format: 'uuid', description: 'The person who would leave the group' })
  @IsUUID()
  personId!: string;
}
