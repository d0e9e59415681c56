import { Controller } from '@nestjs/common';
import type { Type } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { rpcSubject } from '@warden/contracts';

export interface ServiceHealth {
  service: string;
  status: 'ok';
}

/** `rpc.<service>.health`: answers only when the service can reach its database. */
export function createHealthMessages(service: string): Type<unknown> {
  @Controller()
  class HealthMessages {
    constructor(private readonly dataSource: DataSource) {}

    @MessagePattern(rpcSubject(`${service}.health`))
    async health(): Promise<ServiceHealth> {
      await this.dataSource.query('SELECT 1');
      return { service, status: 'ok' };
    }
  }
  return HealthMessages;
}
