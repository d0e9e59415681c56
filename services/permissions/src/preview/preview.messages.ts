import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { PermissionPreview } from '@warden/contracts';
import { PermissionPreviewService } from './preview.service';

@Controller()
export class PreviewMessages {
  constructor(private readonly preview: PermissionPreviewService) {}

  @RpcHandler('permissions.preview')
  handle(@Payload() message: RpcMessage<'permissions.preview'>): Promise<PermissionPreview> {
    return this.preview.preview(message.ctx, message.data.kind, message.data.targetId, message.data.change);
  }
}
