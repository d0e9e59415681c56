import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { TemplateView } from '@warden/contracts';
import { TemplatesService } from './templates.service';

@Controller()
export class TemplatesMessages {
  constructor(private readonly templates: TemplatesService) {}

  @RpcHandler('workflow.templates.list')
  list(@Payload() message: RpcMessage<'workflow.templates.list'>): Promise<TemplateView[]> {
    return this.templates.list(message.ctx.tenantId, message.data.scope);
  }

  @RpcHandler('workflow.templates.get')
  get(@Payload() message: RpcMessage<'workflow.templates.get'>): Promise<TemplateView> {
    return this.templates.get(message.ctx.tenantId, message.data.templateId);
  }

  @RpcHandler('workflow.templates.create')
  create(@Payload() message: RpcMessage<'workflow.templates.create'>): Promise<TemplateView> {
    return this.templates.create(message.ctx, message.data);
  }

  @RpcHandler('workflow.templates.update')
  update(@Payload() message: RpcMessage<'workflow.templates.update'>): Promise<TemplateView> {
    return this.templates.update(message.ctx, message.data.templateId, message.data.changes);
  }
}
