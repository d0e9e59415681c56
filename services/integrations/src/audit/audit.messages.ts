import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { QueryBus } from '@nestjs/cqrs';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { RpcResponse } from '@warden/contracts';
import { ListAuditEntriesQuery } from './list-audit-entries.handler';

/** The audit log's one RPC: a query for its handler (list-audit-entries.handler.ts). */
@Controller()
export class AuditMessages {
  constructor(private readonly queries: QueryBus) {}

  @RpcHandler('integrations.audit.list')
  list(@Payload() message: RpcMessage<'integrations.audit.list'>): Promise<RpcResponse<'integrations.audit.list'>> {
    return this.queries.execute(new ListAuditEntriesQuery(message.ctx.tenantId, message.data));
  }
}
