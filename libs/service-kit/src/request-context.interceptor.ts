import { Injectable } from '@nestjs/common';
import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';
import type { RequestContext } from '@warden/contracts';
import { runInRequestContext } from '@warden/messaging';

function contextOf(data: unknown): RequestContext | undefined {
  const ctx = (data as { ctx?: unknown } | null)?.ctx as RequestContext | undefined;
  return ctx && typeof ctx === 'object' && typeof ctx.tenantId === 'string' ? ctx : undefined;
}

/**
 * Every request-reply handler runs inside the RequestContext of its message (libs/messaging/src/request-context.scope.ts),
 * so what it records, such as audit entries (libs/messaging/src/audit.recorder.ts), names the caller and the request id.
 */
@Injectable()
export class RequestContextInterceptor implements NestInterceptor {
  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (execution.getType() !== 'rpc') return next.handle();
    const ctx = contextOf(execution.switchToRpc().getData());
    if (!ctx) return next.handle();
    // next.handle() is called inside the scope: Nest binds the handler to the async context it is called in.
    return new Observable((subscriber) => runInRequestContext(ctx, () => next.handle().subscribe(subscriber)));
  }
}
