import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { TemplateView } from '@warden/contracts';
import { CreateTemplateCommand } from './create-template.handler';
import { GetTemplateQuery } from './get-template.handler';
import { ListTemplatesQuery } from './list-templates.handler';
import { UpdateTemplateCommand } from './update-template.handler';

/** The task template RPCs: each message becomes one command or query for its handler (`*.handler.ts` beside this file). */
@Controller()
export class TemplatesMessages {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @RpcHandler('workflow.templates.list')
  list(@Payload() message: RpcMessage<'workflow.templates.list'>): Promise<TemplateView[]> {
    return this.queries.execute(new ListTemplatesQuery(message.ctx.tenantId, message.data.scope));
  }

  @RpcHandler('workflow.templates.get')
  get(@Payload() message: RpcMessage<'workflow.templates.get'>): Promise<TemplateView> {
    return this.queries.execute(new GetTemplateQuery(message.ctx.tenantId, message.data.templateId));
  }

  @RpcHandler('workflow.templates.create')
  create(@Payload() message: RpcMessage<'workflow.templates.create'>): Promise<TemplateView> {
    return this.commands.execute(new CreateTemplateCommand(message.ctx, message.data));
  }

  @RpcHandler('workflow.templates.update')
  update(@Payload() message: RpcMessage<'workflow.templates.update'>): Promise<TemplateView> {
    return this.commands.execute(new UpdateTemplateCommand(message.ctx, message.data.templateId, message.data.changes));
  }
}
