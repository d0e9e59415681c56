import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';

/** The audit log's HTTP API (read only). */
@Module({ controllers: [AuditController] })
export class AuditModule {}
