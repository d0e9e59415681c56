import { Body, Controller, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { RequestContext } from '@warden/contracts';
import { BusClient } from '@warden/messaging';
import { Public } from '../auth/route-metadata';
import { ApiProblems } from '../http/problem.dto';
import { Ctx } from '../http/request-context.decorator';
import { CreateTenantRequestDto } from './dto/create-tenant.request.dto';
import { CreatedTenantResponseDto } from './dto/tenant.response.dto';
import { SignupTokenGuard } from './signup-token.guard';

@ApiTags('tenants')
@Controller('api/v1/tenants')
export class TenantsController {
  constructor(private readonly bus: BusClient) {}

  @Post()
  @Public('tenant sign-up (a platform token in production)')
  @UseGuards(SignupTokenGuard)
  // No token outside production; the platform's signup token (TENANT_SIGNUP_TOKEN) in production.
  @ApiSecurity({})
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Create a tenant, its default groups and its first administrator' })
  @ApiCreatedResponse({ type: CreatedTenantResponseDto })
  @ApiProblems(401, 403, 409, 422, 503)
  async create(@Ctx() ctx: RequestContext, @Body() body: CreateTenantRequestDto): Promise<CreatedTenantResponseDto> {
    const created = await this.bus.request('identity.tenants.create', ctx, body);
    const tenantCtx: RequestContext = { ...ctx, tenantId: created.tenant.id };
    const { groups } = await this.bus.request('permissions.tenants.provision', tenantCtx, { administratorId: created.administrator.id });
    await this.bus.request('workflow.tenants.provision', tenantCtx, {});
    const administratorGroups = groups.filter((group) => group.systemKey === 'administrator').map(({ id, name }) => ({ id, name }));
    return { tenant: created.tenant, administrator: { ...created.administrator, groups: administratorGroups } };
  }
}
