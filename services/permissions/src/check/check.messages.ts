import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { DomainError } from '@warden/kernel';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { Decision, Explanation } from '@warden/contracts';
import { CheckService } from './check.service';

@Controller()
export class CheckMessages {
  constructor(private readonly checks: CheckService) {}

  @RpcHandler('permissions.check')
  async check(@Payload() message: RpcMessage<'permissions.check'>): Promise<Decision> {
    const { allowed, code, reason, policyVersion } = await this.checks.explain(message.ctx.tenantId, message.data);
    return { allowed, code, reason, policyVersion };
  }

  @RpcHandler('permissions.explain')
  async explain(@Payload() message: RpcMessage<'permissions.explain'>): Promise<Explanation> {
    const explanation = await this.checks.explain(message.ctx.tenantId, message.data);
    // Asked by an administrator about someone: a person of another tenant (or nobody) is not found.
    if (explanation.code === 'PERSON.UNKNOWN') throw DomainError.notFound('PERSON.NOT_FOUND', 'The person');
    return explanation;
  }
}
