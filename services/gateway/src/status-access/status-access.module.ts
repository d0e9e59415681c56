import { Module } from '@nestjs/common';
import { StatusAccessController } from './status-access.controller';

@Module({ controllers: [StatusAccessController] })
export class StatusAccessModule {}
