import { applyDecorators, SetMetadata } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { rpcSubject } from '@warden/contracts';
import type { RpcName, RpcRequest, RpcRequestData } from '@warden/contracts';

/** The RpcMap name a handler answers, read by RpcMetricsInterceptor (a fixed set: safe as a metric label). */
export const RPC_NAME_KEY = 'warden:rpc-name';

/** Marks a method as the handler of one request-reply subject of the RpcMap. */
export function RpcHandler(name: RpcName): MethodDecorator {
  return applyDecorators(MessagePattern(rpcSubject(name)), SetMetadata(RPC_NAME_KEY, name));
}

/** The message a handler of `K` receives: the caller's context and the typed request data. */
export type RpcMessage<K extends RpcName> = RpcRequest<RpcRequestData<K>>;
