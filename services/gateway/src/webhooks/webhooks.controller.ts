import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BusClient } from '@warden/messaging';
import type { RequestContext } from '@warden/contracts';
import { Action } from '../auth/route-metadata';
import { DeletedResponseDto, IdParamsDto } from '../directory/dto/id-params.request.dto';
import { ApiProblems } from '../http/problem.dto';
import { Ctx } from '../http/request-context.decorator';
import {
  CreateWebhookRequestDto,
  DeliveryParamsDto,
  ListDeliveriesQueryDto,
  ReplayWebhookRequestDto,
  UpdateWebhookRequestDto,
} from './dto/webhook.request.dto';
import {
  WebhookDeliveryPageResponseDto,
  WebhookDeliveryResponseDto,
  WebhookReplayResponseDto,
  WebhookResponseDto,
  WebhookTestResponseDto,
  WebhookWithSecretResponseDto,
} from './dto/webhook.response.dto';

/** The receiver gets 10 s to answer a test ping; the bus waits a little longer than that. */
const TEST_TIMEOUT_MS = 12_000;
/** A replay reads the event stream from `since`: up to tens of thousands of messages. */
const REPLAY_TIMEOUT_MS = 30_000;

/** Webhook endpoints of the tenant: signed (Standard Webhooks) deliveries of its events, retried, logged, replayable. */
@ApiTags('webhooks')
@Controller()
export class WebhooksController {
  constructor(private readonly bus: BusClient) {}

  @Get('api/v1/webhooks')
  @Action('integrations.manage')
  @ApiOperation({ summary: 'Webhook endpoints of the tenant' })
  @ApiOkResponse({ type: [WebhookResponseDto] })
  @ApiProblems(401, 403, 503)
  list(@Ctx() ctx: RequestContext): Promise<WebhookResponseDto[]> {
    return this.bus.request('integrations.webhooks.list', ctx, {});
  }

  @Post('api/v1/webhooks')
  @Action('integrations.manage')
  @ApiOperation({ summary: 'Add an endpoint; the answer carries its signing secret, shown only here and on rotation' })
  @ApiCreatedResponse({ type: WebhookWithSecretResponseDto })
  @ApiProblems(401, 403, 422, 503)
  create(@Ctx() ctx: RequestContext, @Body() body: CreateWebhookRequestDto): Promise<WebhookWithSecretResponseDto> {
    return this.bus.request('integrations.webhooks.create', ctx, body);
  }

  @Get('api/v1/webhooks/:id')
  @Action('integrations.manage')
  @ApiOperation({ summary: 'One webhook endpoint (never its secret)' })
  @ApiOkResponse({ type: WebhookResponseDto })
  @ApiProblems(401, 403, 404, 503)
  get(@Ctx() ctx: RequestContext, @Param() params: IdParamsDto): Promise<WebhookResponseDto> {
    return this.bus.request('integrations.webhooks.get', ctx, { endpointId: params.id });
  }

  @Patch('api/v1/webhooks/:id')
  @Action('integrations.manage')
  @ApiOperation({ summary: 'Change an endpoint; `active: true` turns a disabled one back on' })
  @ApiOkResponse({ type: WebhookResponseDto })
  @ApiProblems(401, 403, 404, 422, 503)
  update(@Ctx() ctx: RequestContext, @Param() params: IdParamsDto, @Body() body: UpdateWebhookRequestDto): Promise<WebhookResponseDto> {
    return this.bus.request('integrations.webhooks.update', ctx, { endpointId: params.id, changes: body });
  }

  @Delete('api/v1/webhooks/:id')
  @Action('integrations.manage')
  @ApiOperation({ summary: 'Remove an endpoint; its pending deliveries are dropped' })
  @ApiOkResponse({ type: DeletedResponseDto })
  @ApiProblems(401, 403, 404, 503)
  delete(@Ctx() ctx: RequestContext, @Param() params: IdParamsDto): Promise<DeletedResponseDto> {
    return this.bus.request('integrations.webhooks.delete', ctx, { endpointId: params.id });
  }

  @Post('api/v1/webhooks/:id/rotate-secret')
  @HttpCode(200)
  @Action('integrations.manage')
  @ApiOperation({ summary: 'A new signing secret; for 24 h deliveries carry signatures with both the new and the old one' })
  @ApiOkResponse({ type: WebhookWithSecretResponseDto })
  @ApiProblems(401, 403, 404, 503)
  rotateSecret(@Ctx() ctx: RequestContext, @Param() params: IdParamsDto): Promise<WebhookWithSecretResponseDto> {
    return this.bus.request('integrations.webhooks.rotate-secret', ctx, { endpointId: params.id });
  }

  @Post('api/v1/webhooks/:id/test')
  @HttpCode(200)
  @Action('integrations.manage')
  @ApiOperation({ summary: 'Send a signed `warden.webhook.test.v1` ping now and report how the receiver answered' })
  @ApiOkResponse({ type: WebhookTestResponseDto })
  @ApiProblems(401, 403, 404, 503)
  test(@Ctx() ctx: RequestContext, @Param() params: IdParamsDto): Promise<WebhookTestResponseDto> {
    return this.bus.request('integrations.webhooks.test', ctx, { endpointId: params.id }, TEST_TIMEOUT_MS);
  }

  @Get('api/v1/webhooks/:id/deliveries')
  @Action('integrations.manage')
  @ApiOperation({ summary: 'The delivery log of an endpoint, newest first' })
  @ApiOkResponse({ type: WebhookDeliveryPageResponseDto })
  @ApiProblems(401, 403, 404, 422, 503)
  deliveries(
    @Ctx() ctx: RequestContext,
    @Param() params: IdParamsDto,
    @Query() query: ListDeliveriesQueryDto,
  ): Promise<WebhookDeliveryPageResponseDto> {
    return this.bus.request('integrations.deliveries.list', ctx, { endpointId: params.id, ...query });
  }

  @Post('api/v1/webhooks/:id/deliveries/:deliveryId/redeliver')
  @HttpCode(200)
  @Action('integrations.manage')
  @ApiOperation({ summary: 'Queue one delivery again, due now, with the same `webhook-id`' })
  @ApiOkResponse({ type: WebhookDeliveryResponseDto })
  @ApiProblems(401, 403, 404, 503)
  redeliver(@Ctx() ctx: RequestContext, @Param() params: DeliveryParamsDto): Promise<WebhookDeliveryResponseDto> {
    return this.bus.request('integrations.deliveries.redeliver', ctx, { endpointId: params.id, deliveryId: params.deliveryId });
  }

  @Post('api/v1/webhooks/:id/replay')
  @HttpCode(200)
  @Action('integrations.manage')
  @ApiOperation({
    summary:
      'Queue again, with the same ids, every event of the tenant still in the stream since an instant or an event id that the endpoint subscribes to',
  })
  @ApiOkResponse({ type: WebhookReplayResponseDto })
  @ApiProblems(401, 403, 404, 422, 503)
  replay(
    @Ctx() ctx: RequestContext,
    @Param() params: IdParamsDto,
    @Body() body: ReplayWebhookRequestDto,
  ): Promise<WebhookReplayResponseDto> {
    return this.bus.request('integrations.webhooks.replay', ctx, { endpointId: params.id, since: body.since }, REPLAY_TIMEOUT_MS);
  }
}
