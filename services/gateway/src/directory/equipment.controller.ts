import { Body, Controller, Delete, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BusClient } from '@warden/messaging';
import type { RequestContext } from '@warden/contracts';
import { Action, SignedIn } from '../auth/route-metadata';
import { ApiProblems } from '../http/problem.dto';
import type { Principal } from '../auth/principal';
import { Ctx, CurrentPrincipal } from '../http/request-context.decorator';
import { EquipmentAccessService } from './equipment-access.service';
import { CreateEquipmentRequestDto, UpdateEquipmentRequestDto } from './dto/equipment.request.dto';
import { EquipmentResponseDto, EquipmentTreeNodeResponseDto } from './dto/equipment.response.dto';
import { DeletedResponseDto, IdParamsDto } from './dto/id-params.request.dto';

/** A company's equipment as a tree with fixed fields. Clients read their own company's; only the directory changes it. */
@ApiTags('equipment')
@Controller()
export class EquipmentController {
  constructor(
    private readonly bus: BusClient,
    private readonly equipment: EquipmentAccessService,
  ) {}

  @Get('api/v1/companies/:id/equipment')
  @SignedIn()
  @ApiOperation({
    summary: "The company's equipment tree (roots with nested children)",
    description:
      "Employees need `directory.read` (403 without). A client contact reads its own company's tree, to pick a device on its ticket; another company answers 404 COMPANY.NOT_FOUND, as one that does not exist.",
  })
  @ApiOkResponse({ type: [EquipmentTreeNodeResponseDto] })
  @ApiProblems(401, 403, 404, 422, 503)
  tree(
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: RequestContext,
    @Param() params: IdParamsDto,
  ): Promise<EquipmentTreeNodeResponseDto[]> {
    return this.equipment.tree(principal, ctx, params.id);
  }

  @Post('api/v1/equipment')
  @Action('directory.manage')
  @ApiOperation({ summary: 'Add a node; the parent must be equipment of the same company' })
  @ApiCreatedResponse({ type: EquipmentResponseDto })
  @ApiProblems(401, 403, 422, 503)
  create(@Ctx() ctx: RequestContext, @Body() body: CreateEquipmentRequestDto): Promise<EquipmentResponseDto> {
    return this.bus.request('directory.equipment.create', ctx, body);
  }

  @Get('api/v1/equipment/:id')
  @SignedIn()
  @ApiOperation({
    summary: 'One node of equipment',
    description:
      "Employees need `directory.read` (403 without). A client contact reads its own company's equipment; another company's answers 404 EQUIPMENT.NOT_FOUND.",
  })
  @ApiOkResponse({ type: EquipmentResponseDto })
  @ApiProblems(401, 403, 404, 422, 503)
  get(@CurrentPrincipal() principal: Principal, @Ctx() ctx: RequestContext, @Param() params: IdParamsDto): Promise<EquipmentResponseDto> {
    return this.equipment.get(principal, ctx, params.id);
  }

  @Patch('api/v1/equipment/:id')
  @Action('directory.manage')
  @ApiOperation({
    summary: 'Change fields or move the node with its subtree (`parentId`; null for a root)',
    description: '422 EQUIPMENT.CYCLE under itself or a descendant; 422 EQUIPMENT.PARENT_OTHER_COMPANY under another company.',
  })
  @ApiOkResponse({ type: EquipmentResponseDto })
  @ApiProblems(401, 403, 404, 422, 503)
  update(@Ctx() ctx: RequestContext, @Param() params: IdParamsDto, @Body() body: UpdateEquipmentRequestDto): Promise<EquipmentResponseDto> {
    return this.bus.request('directory.equipment.update', ctx, { equipmentId: params.id, changes: body });
  }

  @Delete('api/v1/equipment/:id')
  @Action('directory.manage')
  @ApiOperation({ summary: 'Delete a leaf node (409 EQUIPMENT.HAS_CHILDREN otherwise)' })
  @ApiOkResponse({ type: DeletedResponseDto })
  @ApiProblems(401, 403, 404, 409, 422, 503)
  delete(@Ctx() ctx: RequestContext, @Param() params: IdParamsDto): Promise<DeletedResponseDto> {
    return this.bus.request('directory.equipment.delete', ctx, { equipmentId: params.id });
  }
}
