import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { TimeoutError } from '@nats-io/transport-node';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Msg, NatsConnection } from '@nats-io/transport-node';
import { traceHeaders, wardenTracer } from './trace-context';
import { DomainError } from '@warden/kernel';
import { rpcSubject } from '@warden/contracts';
import type { RequestContext, RpcName, RpcRequestData, RpcResponse } from '@warden/contracts';
import { NATS_CONNECTION } from './messaging.options';
import { busTimeoutOverride } from './bus-deadline';

/** How long the gateway waits for a service before answering 503 `BUS.TIMEOUT`. */
export const DEFAULT_BUS_TIMEOUT_MS = 5000;

/**
 * The reply Nest's ServerNats publishes (NatsRecordSerializer, JSON): `response` on success, `err`
 * (our RpcErrorFilter's ErrorPayload, or Nest's "no handler" string) on failure, `isDisposed` when
 * the handler's stream completed, and the request's `id`.
 */
interface ReplyPacket {
  id?: string;
  err?: unknown;
  response?: unknown;
  isDisposed?: boolean;
}

/**
 * Typed request-reply over NATS. A coded error from the other side comes back as the same
 * DomainError; silence, a missing responder or a lost broker become `unavailable`, which the
 * gateway answers with 503 — the caller is never told "yes" by default.
 *
 * Speaks the packet format of Nest's NATS transport (the services listen with ServerNats): the
 * request is `{pattern, data, id}` as JSON; with tracing on, NATS headers carry the W3C `traceparent` of a client
 * span around the request (the service's span continues the trace, see RpcTracingInterceptor). It uses the connection's own
 * request(), which shares one wildcard reply subscription for all requests; Nest's ClientProxy
 * subscribed and unsubscribed a fresh inbox per request, doubling the broker's work.
 */
@Injectable()
export class BusClient {
  private readonly logger = new Logger(BusClient.name);
  /** Packet ids: unique per process is enough (the reply is matched by its inbox, the id is checked). */
  private readonly idPrefix = randomBytes(6).toString('hex');
  private sequence = 0;

  constructor(@Inject(NATS_CONNECTION) private readonly connection: NatsConnection) {}

  async request<K extends RpcName>(
    name: K,
    ctx: RequestContext,
    data: RpcRequestData<K>,
    timeoutMs: number = DEFAULT_BUS_TIMEOUT_MS,
  ): Promise<RpcResponse<K>> {
    const subject = rpcSubject(name);
    const id = `${this.idPrefix}.${++this.sequence}`;
    const span = wardenTracer().startSpan(`rpc ${name}`, {
      kind: SpanKind.CLIENT,
      attributes: { 'messaging.system': 'nats', 'messaging.destination.name': subject, 'rpc.method': name },
    });
    let packet: ReplyPacket;
    try {
      const timeout = Math.max(timeoutMs, busTimeoutOverride() ?? 0);
      const headers = traceHeaders(trace.setSpan(context.active(), span));
      const reply = await this.connection.request(subject, JSON.stringify({ pattern: subject, data: { ctx, data }, id }), {
        timeout,
        headers,
      });
      packet = this.decode(reply, id);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: 'unavailable' });
      span.end();
      throw this.unavailable(name, error);
    }
    if (packet.err) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: DomainError.isPayload(packet.err) ? packet.err.code : 'error' });
      span.end();
      if (DomainError.isPayload(packet.err)) throw DomainError.fromPayload(packet.err);
      throw this.unavailable(name, packet.err);
    }
    span.end();
    return packet.response as RpcResponse<K>;
  }

  private decode(reply: Msg, id: string): ReplyPacket {
    // An empty reply is what Nest's client called EmptyResponseException: nobody answered the request.
    if (reply.data.length === 0) throw new Error('Empty response');
    const packet = reply.json<ReplyPacket>();
    if (typeof packet !== 'object' || packet === null || (packet.id !== undefined && packet.id !== id)) {
      throw new Error('The reply is not an answer to this request');
    }
    return packet;
  }

  private unavailable(name: string, error: unknown): DomainError {
    const service = name.split('.')[0];
    if (error instanceof TimeoutError) {
      return new DomainError('BUS.TIMEOUT', 'unavailable', `The ${service} service did not answer in time`, undefined, { service });
    }
    const message = error instanceof Error ? error.message : typeof error === 'string' ? error : JSON.stringify(error);
    this.logger.warn(`Request ${name} failed: ${message}`);
    return new DomainError('BUS.UNAVAILABLE', 'unavailable', `The ${service} service is not available`, undefined, { service });
  }
}
