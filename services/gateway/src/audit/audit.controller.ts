import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BusClient } from '@warden/messaging';
import type { RequestContext } from '@warden/contracts';
import { Action } from '../auth/route-metadata';
import { ApiProblems } from '../http/problem.dto';
import { Ctx } from '../http/request-context.decorator';
import { AuditQueryDto } from './dto/audit.query.dto';
import { AUDIT_PAGE_EXAMPLE, AuditPageResponseDto } from './dto/audit.response.dto';

/** The audit log (kept by the integrations service, services/integrations/src/audit): read only, no route changes an entry. */
@ApiTags('audit')
@Controller()
export class AuditController {
  constructor(private readonly bus: BusClient) {}

  @Get('api/v1/audit')
  @Action('audit.read')
  @ApiOperation({
    summary: 'Who changed which administrative setting, when, with its values before and after; newest first',
    description:
      'Personal rights, groups (rights, login bar) and their members, per-status levels and the closed-order flag, staff access and ' +
      'deletion, departments (head, members), branches, channels, client managers, workflows and transitions, webhooks. Status ' +
      'changes and routing decisions are not copied here: they have their own history. Entries are kept AUDIT_RETENTION_DAYS days.',
  })
  @ApiOkResponse({ type: AuditPageResponseDto, example: AUDIT_PAGE_EXAMPLE })
  @ApiProblems(401, 403, 422, 503)
  list(@Ctx() ctx: RequestContext, @Query() query: AuditQueryDto): Promise<AuditPageResponseDto> {
    return this.bus.request('integrations.audit.list', ctx, query);
  }
}
