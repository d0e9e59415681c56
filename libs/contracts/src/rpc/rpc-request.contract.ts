/**
 * The class an RPC's request data is checked against where it arrives (libs/service-kit/src/rpc-validation.interceptor.ts),
 * as event payloads are checked against their contract classes: a service trusts its own bus no more than its HTTP edge.
 */
export type RpcRequestContract<T> = new () => T;

/** One request class per RPC of a service's map: a map that leaves out an RPC does not compile. */
export type RpcRequestContracts<M> = { [K in keyof M]: M[K] extends { request: infer R } ? RpcRequestContract<R> : never };

/** The data of an RPC that takes none. */
export class NoData {}
