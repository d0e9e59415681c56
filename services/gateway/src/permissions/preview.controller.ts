import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError, isUuid } from '@warden/kernel';
import { BusClient } from '@warden/messaging';
import { SUPPORTED_PREVIEW_KINDS, unsupportedPreviewKind } from '@warden/contracts';
import type { RequestContext } from '@warden/contracts';
import { AccessService } from '../access/access.service';
import type { Principal } from '../auth/principal';
import { SignedIn } from '../auth/route-metadata';
import { ApiProblems } from '../http/problem.dto';
import { Ctx, CurrentPrincipal } from '../http/request-context.decorator';
import { createValidationPipe } from '../http/validation.pipe';
import { PreviewRequestDto } from './dto/preview.request.dto';
import { PermissionPreviewResponseDto, PREVIEW_EXAMPLE, PREVIEW_REQUEST_EXAMPLES } from './dto/preview.response.dto';
import { PREVIEWED } from './preview-kinds';

/**
 * What a permission change would do before it is made. Refused exactly as the change would be, in the
 * same order: its right (403), its `{id}` (404), its body through its own DTO (the same 422), then
 * the permissions service's own checks of the change (unknown statuses, …).
 */
@ApiTags('permissions')
@Controller('api/v1/permissions')
export class PreviewController {
  private readonly validation = createValidationPipe();

  constructor(
    private readonly bus: BusClient,
    private readonly access: AccessService,
  ) {}

  @Post('preview')
  @HttpCode(200)
  // The right depends on the change previewed (PREVIEWED); it is asked below, before anything else.
  @SignedIn()
  @ApiOperation({
    summary:
      'Preview a permission change: who would gain or lose sight of which orders and tasks, and which actions, without changing anything',
    description:
      'Needs the right of the route previewed (`permissions.manage` for status access, `groups.manage` for groups, their members ' +
      'and personal rights, `directory.manage` for departments). A department change (`PATCH /departments/{id}`: head, members) ' +
      'widens or narrows the order scope of whoever joins or leaves it (its head sees what its members see). Runs the rules of the real checks on the ' +
      'current data with the change applied in memory; nothing is written, the policy version stays. People whose sight and ' +
      'actions do not change are left out. Actions are the catalog rights the person effectively has (a login bar shows as ' +
      "`auth.login` lost) and its per-status level actions. Tasks are counted under the task lists' filter (`tasks.read`, " +
      "`tasks.read-department` with the departments' members and heads, `tasks.read-all`). " +
      `Supported kinds: ${SUPPORTED_PREVIEW_KINDS.join(', ')}.`,
  })
  @ApiBody({ type: PreviewRequestDto, examples: PREVIEW_REQUEST_EXAMPLES })
  @ApiOkResponse({ type: PermissionPreviewResponseDto, example: PREVIEW_EXAMPLE })
  @ApiProblems(401, 403, 404, 409, 422, 503)
  async preview(
    @Ctx() ctx: RequestContext,
    @CurrentPrincipal() principal: Principal,
    @Body() body: PreviewRequestDto,
  ): Promise<PermissionPreviewResponseDto> {
    const previewed = PREVIEWED[body.kind];
    if (!previewed) {
      throw DomainError.invalid('PREVIEW.KIND_NOT_SUPPORTED', 'kind', unsupportedPreviewKind(body.kind));
    }
    await this.access.require(principal, ctx, previewed.action);
    if (!isUuid(body.targetId)) {
      throw new DomainError('RESOURCE.NOT_FOUND', 'not_found', 'Nothing has the targetId given: it is not an id', [
        { field: 'targetId', reason: 'is not an id (a UUID)' },
      ]);
    }
    const change: unknown = await this.validation.transform(body.change, { type: 'body', metatype: previewed.body });
    // The person must be staff of the caller's tenant: 404 otherwise, as the route answers.
    if (previewed.staffTarget) await this.bus.request('identity.staff.get', ctx, { personId: body.targetId });
    return this.bus.request('permissions.preview', ctx, { kind: body.kind, targetId: body.targetId, change: { ...(change as object) } });
  }
}
