import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { ChatKindsView, ChatSettingsView, ReceptionView } from '@warden/contracts';
import { ReceptionService } from './reception.service';

@Controller()
export class ReceptionMessages {
  constructor(private readonly reception: ReceptionService) {}

  @RpcHandler('inquiries.reception.get')
  get(@Payload() message: RpcMessage<'inquiries.reception.get'>): Promise<ReceptionView> {
    return this.reception.get(message.ctx, message.data.personId);
  }

  @RpcHandler('inquiries.reception.set')
  set(@Payload() message: RpcMessage<'inquiries.reception.set'>): Promise<ReceptionView> {
    return this.reception.set(message.ctx, message.data);
  }

  @RpcHandler('inquiries.settings.get')
  settings(@Payload() message: RpcMessage<'inquiries.settings.get'>): Promise<ChatSettingsView> {
    return this.reception.settings(message.ctx);
  }

  @RpcHandler('inquiries.settings.kinds')
  kinds(@Payload() message: RpcMessage<'inquiries.settings.kinds'>): Promise<ChatKindsView> {
    return this.reception.kinds(message.ctx);
  }

  @RpcHandler('inquiries.settings.put')
  putSettings(@Payload() message: RpcMessage<'inquiries.settings.put'>): Promise<ChatSettingsView> {
    return this.reception.putSettings(message.ctx, message.data);
  }
}
