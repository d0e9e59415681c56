import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { RpcResponse } from '@warden/contracts';
import { AuditLogService } from './audit-log.service';

@Controller()
export class AuditMessages {
  constructor(private readonly audit: AuditLogService) {}

  @RpcHandler('integrations.audit.list')
  list(@Payload() message: RpcMessage<'integrations.audit.list'>): Promise<RpcResponse<'integrations.audit.list'>> {
    return this.audit.list(message.ctx.tenantId, message.data);
  }
}
