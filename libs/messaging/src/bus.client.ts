import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationShutdown } from '@nestjs/common';
import { ClientProxy } from '@nestjs/microservices';
import { firstValueFrom, timeout, TimeoutError } from 'rxjs';
import { DomainError } from '@warden/kernel';
import { rpcSubject } from '@warden/contracts';
import type { RequestContext, RpcName, RpcRequestData, RpcResponse } from '@warden/contracts';

export const BUS_CLIENT_PROXY = Symbol('BUS_CLIENT_PROXY');

const DEFAULT_TIMEOUT_MS = 5000;

/**
 * Typed request-reply over NATS. A coded error from the other side comes back as the same
 * DomainError; silence, a missing responder or a lost broker become `unavailable`, which the
 * gateway answers with 503 — the caller is never told "yes" by default.
 */
@Injectable()
export class BusClient implements OnApplicationShutdown {
  private readonly logger = new Logger(BusClient.name);

  constructor(@Inject(BUS_CLIENT_PROXY) private readonly proxy: ClientProxy) {}

  async request<K extends RpcName>(
    name: K,
    ctx: RequestContext,
    data: RpcRequestData<K>,
    timeoutMs: number = DEFAULT_TIMEOUT_MS,
  ): Promise<RpcResponse<K>> {
    try {
      return await firstValueFrom(this.proxy.send<RpcResponse<K>>(rpcSubject(name), { ctx, data }).pipe(timeout(timeoutMs)));
    } catch (error) {
      if (DomainError.isPayload(error)) throw DomainError.fromPayload(error);
      const service = name.split('.')[0];
      if (error instanceof TimeoutError) {
        throw new DomainError('BUS.TIMEOUT', 'unavailable', `The ${service} service did not answer in time`, undefined, { service });
      }
      this.logger.warn(`Request ${name} failed: ${String((error as Error)?.message ?? error)}`);
      throw new DomainError('BUS.UNAVAILABLE', 'unavailable', `The ${service} service is not available`, undefined, { service });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.proxy.close();
  }
}
