import { IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';

/** Who is asking, carried with every request-reply message; the tenant always comes from the token. */
export class RequestContext {
  /** Empty for calls made before any tenant is known (sign-in lookups, health pings). */
  @ValidateIf((ctx: RequestContext) => ctx.tenantId !== '')
  @IsUUID()
  tenantId!: string;

  /** The signed-in person, or null for system calls (tenant provisioning, sign-in). */
  @ValidateIf((ctx: RequestContext) => ctx.actorId !== null)
  @IsUUID()
  actorId!: string | null;

  @IsString()
  @MaxLength(128)
  requestId!: string;
}

export interface RpcRequest<T> {
  ctx: RequestContext;
  data: T;
}
