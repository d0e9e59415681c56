import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsJSON, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

export class ExplainQueryDto {
  @ApiProperty({ format: 'uuid', description: 'Whose decision to explain' })
  @IsUUID()
  personId!: string;

  @ApiProperty({
    example: 'orders.update',
    description:
      'A right of the catalog (see the rights table above, e.g. `groups.manage`), alone or with a `resource`. The actions the gateway asks with a resource: ' +
      '`orders.read` (see an order), `orders.create` (create one in a status), `orders.update` (move it: with `targetStatusId`), `orders.transfer` ' +
      '(with `targetDepartmentId`), all on an `order` resource, moving and transferring needing `orders.read` too, as the order is read first; ' +
      '`task.read` and `task.change-status` (with `targetStatusId`), both needing `tasks.read`, on a `task` resource; ' +
      '`conversation.start`, `conversation.see`, `conversation.post` on a `conversation`; `inquiry.see`, `inquiry.post`, `inquiry.close`, `inquiry.reassign` and ' +
      '`inquiry.assign-branch` (reassign to the employee `assigneeId`, whose branches may be ones the person cannot access) on an `inquiry`.',
  })
  @IsString()
  @MaxLength(100)
  @Matches(/^[a-z][a-z0-9.-]*$/, { message: 'must be a right or action name like orders.read' })
  action!: string;

  @ApiPropertyOptional({
    description:
      'The resource, as JSON: an object with `type` and the attributes its rule needs (scalars only).\n\n' +
      '- `order`: `orderId` alone (the rule reads its status and placement from the workflow service), or the facts themselves: ' +
      '`statusId` (its current status), `departmentId`, `clientContactId`, `clientCompanyId` (where it sits, `null` when none); ' +
      'for a status change also `targetStatusId`, for a transfer `targetDepartmentId`; a new order has only `targetStatusId`. ' +
      'Examples: `{"type":"order","orderId":"<order id>"}`, `{"type":"order","orderId":"<order id>","targetStatusId":"<target>"}`.\n' +
      '- `task`: `taskId`, and for a status change `targetStatusId`; the rule reads the rest (participants, transitions) itself. ' +
      'Example: `{"type":"task","taskId":"<task id>","targetStatusId":"<status id>"}`.\n' +
      '- `conversation`: for `conversation.start` `kind` (`internal`, `client_employee`, `client_group`) and the people named, ' +
      '`employeeIds` and `contactIds`, each comma-separated; otherwise `conversationId`. `inquiry`: `inquiryId`, and `assigneeId` for `inquiry.assign-branch`; the rules read the rest ' +
      '(participants, assignee, branches) from the inquiries service. Example: `{"type":"inquiry","inquiryId":"<inquiry id>"}`.\n\n' +
      'Another `type` is refused with `RESOURCE.UNKNOWN_TYPE`.',
    example:
      '{"type":"order","statusId":"0192f0c4-0000-7000-8000-000000000001","departmentId":null,"clientContactId":null,"clientCompanyId":null,"targetStatusId":"0192f0c4-0000-7000-8000-000000000002"}',
  })
  @IsOptional()
  @IsJSON()
  @MaxLength(2000)
  resource?: string;
}
