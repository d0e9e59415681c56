import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@warden/kernel';
import { BusClient } from '@warden/messaging';
import { isResourceRef } from '@warden/contracts';
import type { RequestContext, ResourceRef } from '@warden/contracts';
import { Action } from '../auth/route-metadata';
import { ApiProblems } from '../http/problem.dto';
import { Ctx } from '../http/request-context.decorator';
import { ExplainQueryDto } from './dto/explain.request.dto';
import { ExplanationResponseDto } from './dto/explanation.response.dto';

function parseResource(json: string | undefined): ResourceRef | undefined {
  if (json === undefined) return undefined;
  const value: unknown = JSON.parse(json);
  // The shape the permissions service checks the resource against too (CheckData in libs/contracts).
  if (!isResourceRef(value)) {
    throw DomainError.invalid('REQUEST.INVALID', 'resource', 'must be a JSON object with a string `type` and scalar attributes');
  }
  return value;
}

@ApiTags('permissions')
@Controller('api/v1/permissions')
export class ExplainController {
  constructor(private readonly bus: BusClient) {}

  @Get('explain')
  @Action('permissions.explain')
  @ApiOperation({ summary: 'Why a person may or may not do something: the decision and the chain of rules behind it' })
  @ApiOkResponse({ type: ExplanationResponseDto })
  @ApiProblems(401, 403, 404, 422, 503)
  explain(@Query() query: ExplainQueryDto, @Ctx() ctx: RequestContext): Promise<ExplanationResponseDto> {
    return this.bus.request('permissions.explain', ctx, {
      personId: query.personId,
      action: query.action,
      resource: parseResource(query.resource),
    });
  }
}
