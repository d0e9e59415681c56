/** Who is asking, carried with every request-reply message; the tenant always comes from the token. */
export interface RequestContext {
  tenantId: string;
  /** The signed-in person, or null for system calls (tenant provisioning, sign-in). */
  actorId: string | null;
  requestId: string;
}

export interface RpcRequest<T> {
  ctx: RequestContext;
  data: T;
}
