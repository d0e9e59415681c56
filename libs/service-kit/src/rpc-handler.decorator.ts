import { MessagePattern } from '@nestjs/microservices';
import { rpcSubject } from '@warden/contracts';
import type { RpcName, RpcRequest, RpcRequestData } from '@warden/contracts';

/** Marks a method as the handler of one request-reply subject of the RpcMap. */
export function RpcHandler(name: RpcName): MethodDecorator {
  return MessagePattern(rpcSubject(name));
}

/** The message a handler of `K` receives: the caller's context and the typed request data. */
export type RpcMessage<K extends RpcName> = RpcRequest<RpcRequestData<K>>;
