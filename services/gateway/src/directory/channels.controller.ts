import { Body, Controller, Delete, Get, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { BusClient } from '@warden/messaging';
import type { RequestContext } from '@warden/contracts';
import { Action } from '../auth/route-metadata';
import { ApiProblems } from '../http/problem.dto';
import { Ctx } from '../http/request-context.decorator';
import {
  CreateChannelRequestDto,
  InboundMessageRequestDto,
  ListChannelsQueryDto,
  UpdateChannelRequestDto,
} from './dto/channel.request.dto';
import { ChannelResponseDto, InboundResultResponseDto } from './dto/channel.response.dto';
import { DeletedResponseDto, IdParamsDto } from './dto/id-params.request.dto';

/** Inbound channels (mailbox, messenger bot, web widget), each delivering into one department. */
@ApiTags('channels')
@Controller()
export class ChannelsController {
  constructor(private readonly bus: BusClient) {}

  @Get('api/v1/channels')
  @ApiOperation({ summary: 'List channels' })
  @Action('directory.read')
  @ApiOkResponse({ type: [ChannelResponseDto] })
  @ApiProblems(401, 403, 422, 503)
  list(@Ctx() ctx: RequestContext, @Query() query: ListChannelsQueryDto): Promise<ChannelResponseDto[]> {
    return this.bus.request('directory.channels.list', ctx, { departmentId: query.departmentId });
  }

  @Post('api/v1/channels')
  @ApiOperation({ summary: 'Create a channel' })
  @Action('directory.manage')
  @ApiCreatedResponse({ type: ChannelResponseDto })
  @ApiProblems(401, 403, 409, 422, 503)
  create(@Ctx() ctx: RequestContext, @Body() body: CreateChannelRequestDto): Promise<ChannelResponseDto> {
    return this.bus.request('directory.channels.create', ctx, body);
  }

  @Get('api/v1/channels/:id')
  @ApiOperation({ summary: 'Read a channel' })
  @Action('directory.read')
  @ApiOkResponse({ type: ChannelResponseDto })
  @ApiProblems(401, 403, 404, 422, 503)
  get(@Ctx() ctx: RequestContext, @Param() params: IdParamsDto): Promise<ChannelResponseDto> {
    return this.bus.request('directory.channels.get', ctx, { channelId: params.id });
  }

  @Patch('api/v1/channels/:id')
  @ApiOperation({ summary: 'Change a channel' })
  @Action('directory.manage')
  @ApiOkResponse({ type: ChannelResponseDto })
  @ApiProblems(401, 403, 404, 409, 422, 503)
  update(@Ctx() ctx: RequestContext, @Param() params: IdParamsDto, @Body() body: UpdateChannelRequestDto): Promise<ChannelResponseDto> {
    return this.bus.request('directory.channels.update', ctx, { channelId: params.id, changes: body });
  }

  @Delete('api/v1/channels/:id')
  @Action('directory.manage')
  @ApiOperation({ summary: 'Delete a channel that has not received messages yet (409 CHANNEL.IN_USE otherwise)' })
  @ApiOkResponse({ type: DeletedResponseDto })
  @ApiProblems(401, 403, 404, 409, 422, 503)
  delete(@Ctx() ctx: RequestContext, @Param() params: IdParamsDto): Promise<DeletedResponseDto> {
    return this.bus.request('directory.channels.delete', ctx, { channelId: params.id });
  }

  // A connector's credential will call this; for now any person with directory.manage may.
  @Post('api/v1/channels/:id/inbound')
  @Action('directory.manage')
  @ApiOperation({
    summary: 'Deliver an inbound message as a connector would',
    description:
      "Finds or creates the sender's contact and publishes directory.inbound.received.v1 with the channel's department. " +
      'Idempotent on (channel, messageId): a repeat answers 200 with `duplicate: true` and creates nothing.',
  })
  @ApiCreatedResponse({ type: InboundResultResponseDto, description: 'Recorded' })
  @ApiOkResponse({ type: InboundResultResponseDto, description: 'Received before; nothing new was created' })
  @ApiProblems(401, 403, 404, 409, 422, 503)
  async inbound(
    @Ctx() ctx: RequestContext,
    @Param() params: IdParamsDto,
    @Body() body: InboundMessageRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<InboundResultResponseDto> {
    const result = await this.bus.request('directory.channels.inbound', ctx, { channelId: params.id, ...body });
    void reply.status(result.duplicate ? 200 : 201);
    return result;
  }
}
