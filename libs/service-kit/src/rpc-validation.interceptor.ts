import { Injectable } from '@nestjs/common';
import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { ValidatorOptions } from 'class-validator';
import { from, switchMap } from 'rxjs';
import type { Observable } from 'rxjs';
import { RequestContext, requestContractFor } from '@warden/contracts';
import type { RpcName, RpcRequest } from '@warden/contracts';
import { DomainError, fieldProblems } from '@warden/kernel';
import type { FieldProblem } from '@warden/kernel';
import { RPC_NAME_KEY } from './rpc-handler.decorator';

/**
 * Unknown fields are refused rather than dropped: a caller that sends a field the service does not know has a bug
 * that silence would hide. (A rolling deploy therefore updates services before the gateway that sends new fields.)
 */
// forbidUnknownValues is off: a class with no decorated field (NoData) is a valid contract, and whitelisting still
// refuses every field it does not declare.
const OPTIONS: ValidatorOptions = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: false };

async function problemsOf(
  contract: new () => object,
  value: unknown,
  prefix: string,
): Promise<{ instance: object; problems: FieldProblem[] }> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { instance: {}, problems: [{ field: prefix, reason: 'must be an object' }] };
  }
  const instance = plainToInstance(contract, value);
  const problems = fieldProblems(await validate(instance, OPTIONS), prefix);
  return { instance, problems };
}

/**
 * The boundary of every service: the caller's context and the request data of each @RpcHandler call are checked
 * against their classes in libs/contracts (libs/contracts/src/rpc/rpc-requests.ts) before the handler runs, and the
 * handler receives the transformed instance. A bad message is a 422 `REQUEST.INVALID` naming each field, so handlers
 * need no guards of their own: whatever reaches them has the shape its type claims.
 */
@Injectable()
export class RpcValidationInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (execution.getType() !== 'rpc') return next.handle();
    const name = this.reflector.get<RpcName | undefined>(RPC_NAME_KEY, execution.getHandler());
    if (!name) return next.handle();
    const contract = requestContractFor(name);
    const message = execution.switchToRpc().getData<RpcRequest<unknown>>();
    return from(this.check(message, contract)).pipe(switchMap(() => next.handle()));
  }

  private async check(message: RpcRequest<unknown>, contract: new () => object): Promise<void> {
    if (typeof message !== 'object' || message === null) {
      throw new DomainError('REQUEST.INVALID', 'validation', 'The message must be an object with `ctx` and `data`', [
        { field: 'ctx', reason: 'must be an object' },
      ]);
    }
    const ctx = await problemsOf(RequestContext, message.ctx, 'ctx');
    const data = await problemsOf(contract, message.data, 'data');
    const problems = [...ctx.problems, ...data.problems];
    if (problems.length > 0) {
      const summary = problems.map((problem) => `${problem.field} ${problem.reason}`).join('; ');
      throw new DomainError('REQUEST.INVALID', 'validation', summary, problems);
    }
    message.data = data.instance;
  }
}
