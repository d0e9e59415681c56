import { Module } from '@nestjs/common';
import { ExplainController } from './explain.controller';
import { PreviewController } from './preview.controller';
import { StaffRightsController } from './staff-rights.controller';

@Module({ controllers: [StaffRightsController, ExplainController, PreviewController] })
export class PermissionsModule {}
