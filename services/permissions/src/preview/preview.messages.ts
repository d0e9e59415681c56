import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { QueryBus } from '@nestjs/cqrs';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { PermissionPreview } from '@warden/contracts';
import { PreviewChangeQuery } from './preview-change.handler';

@Controller()
export class PreviewMessages {
  constructor(private readonly queries: QueryBus) {}

  @RpcHandler('permissions.preview')
  handle(@Payload() message: RpcMessage<'permissions.preview'>): Promise<PermissionPreview> {
    return this.queries.execute(new PreviewChangeQuery(message.ctx, message.data.kind, message.data.targetId, message.data.change));
  }
}
