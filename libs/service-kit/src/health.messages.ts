import { Controller } from '@nestjs/common';
import type { Type } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RpcName } from '@warden/contracts';
import { RpcHandler } from './rpc-handler.decorator';

export interface ServiceHealth {
  service: string;
  status: 'ok';
}

/** `rpc.<service>.health`: answers only when the service can reach its database. */
export function createHealthMessages(service: string): Type<unknown> {
  @Controller()
  class HealthMessages {
    constructor(private readonly dataSource: DataSource) {}

    @RpcHandler(`${service}.health` as RpcName)
    async health(): Promise<ServiceHealth> {
      await this.dataSource.query('SELECT 1');
      return { service, status: 'ok' };
    }
  }
  return HealthMessages;
}
