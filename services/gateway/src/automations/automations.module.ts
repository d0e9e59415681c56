import { Module } from '@nestjs/common';
import { AutomationsController } from './automations.controller';

/** The workflow service's automation rules over HTTP. */
@Module({ controllers: [AutomationsController] })
export class AutomationsModule {}
