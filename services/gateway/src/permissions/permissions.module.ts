import { Module } from '@nestjs/common';
import { ExplainController } from './explain.controller';
import { StaffRightsController } from './staff-rights.controller';

@Module({ controllers: [StaffRightsController, ExplainController] })
export class PermissionsModule {}
