import { Controller, Get, Headers, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiBearerAuth, ApiSecurity } from '@nestjs/swagger';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BusClient } from '@warden/messaging';
import type { RequestContext } from '@warden/contracts';
import { AccessService } from '../access/access.service';
import { Public } from '../auth/route-metadata';
import { ApiProblems } from '../http/problem.dto';
import { RealtimeAuth } from './realtime.auth';
import type { RealtimeConnection } from './realtime-connection.registry';
import { RealtimeHub } from './realtime.hub';

/** Keeps proxies from closing a quiet stream. */
const KEEPALIVE_MS = 15_000;
/** Tells identity the person is still here (its presence timeout is 90 s by default). */
const PRESENCE_HEARTBEAT_MS = 30_000;

export class RealtimeQueryDto {
  @ApiPropertyOptional({ description: 'The access token, for EventSource clients that cannot send headers' })
  @IsOptional()
  @IsString()
  @MaxLength(4096)
  access_token?: string;
}

@ApiTags('realtime')
@Controller('api/v1/realtime')
export class RealtimeController {
  constructor(
    private readonly auth: RealtimeAuth,
    private readonly access: AccessService,
    private readonly bus: BusClient,
    private readonly hub: RealtimeHub,
  ) {}

  @Get()
  @Public("authenticates itself with the bearer token or ?access_token= (EventSource cannot send headers), then requires 'auth.login'")
  @ApiOperation({
    summary: 'Server-Sent Events: new messages and inquiry assignments you may see',
    description:
      'Events: `inquiries.message.posted.v1`, `inquiries.inquiry.created.v1`, `.assigned.v1`, `.reassigned.v1`, `.closed.v1`, each `data` a JSON ' +
      '{id, type, time, subject, data}. Only items you may see (participant, assignee, chat administrator of the branch) reach you. ' +
      'While connected you count as online (the gateway heartbeats identity every 30 s). When the session ends (sign-out, deletion, ' +
      'access removed) the stream sends `session.ended` ({code: "AUTH.SESSION_ENDED", detail}) and closes: sign in again rather than reconnect.',
  })
  @ApiBearerAuth()
  @ApiSecurity('accessTokenQuery')
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'An event stream; the first event is `ready`' })
  @ApiProblems(401, 403, 503)
  async stream(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Headers('authorization') authorization: string | undefined,
    @Query() query: RealtimeQueryDto,
  ): Promise<void> {
    const principal = await this.auth.principal(authorization, query.access_token, String(request.id));
    const ctx: RequestContext = { tenantId: principal.tenantId, actorId: principal.personId, requestId: String(request.id) };
    await this.access.require(principal, ctx, 'auth.login');
    // Online from the first moment of the stream; an ended session is refused here (401).
    await this.bus.request('identity.presence.heartbeat', ctx, { sessionId: principal.sessionId });

    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    let open = true;
    // Whoever ends the stream first (the client, a failed heartbeat, the hub on a revoked session) cleans up once.
    const cleanUp = (): void => {
      open = false;
      clearInterval(keepalive);
      clearInterval(heartbeat);
      this.hub.remove(connection);
    };
    const connection: RealtimeConnection = {
      tenantId: principal.tenantId,
      personId: principal.personId,
      sessionId: principal.sessionId,
      send: (event, id, data) => {
        if (open) raw.write(`event: ${event}\nid: ${id}\ndata: ${JSON.stringify(data)}\n\n`);
      },
      end: () => {
        if (!open) return;
        cleanUp();
        raw.end();
      },
    };
    const keepalive = setInterval(() => open && raw.write(': keepalive\n\n'), KEEPALIVE_MS);
    const heartbeat = setInterval(() => {
      this.bus.request('identity.presence.heartbeat', ctx, { sessionId: principal.sessionId }).catch(() => connection.end());
    }, PRESENCE_HEARTBEAT_MS);
    keepalive.unref();
    heartbeat.unref();
    raw.on('close', cleanUp);
    raw.write(`retry: 5000\n\n`);
    connection.send('ready', request.id as string, { personId: principal.personId, tenantId: principal.tenantId });
    // Last: a session revoked while this stream was being opened ends it here, after `ready`.
    this.hub.add(connection);
  }
}
