import { Injectable } from '@nestjs/common';
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Right } from '@warden/contracts';
import type { AuthenticatedRequest } from '../auth/principal';
import { ACTION_KEY, PUBLIC_KEY } from '../auth/route-metadata';
import { requestContextOf } from '../http/request-context.decorator';
import { AccessService } from './access.service';

/** Asks the permissions service for the right every route declares, before the route runs. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly access: AccessService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<string>(PUBLIC_KEY, targets)) return true;
    const action = this.reflector.getAllAndOverride<Right>(ACTION_KEY, targets);
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    // The route audit guarantees an action; a principal exists because JwtAuthGuard ran first.
    await this.access.require(request.principal!, requestContextOf(request), action);
    return true;
  }
}
