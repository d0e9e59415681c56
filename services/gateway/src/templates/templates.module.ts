import { Module } from '@nestjs/common';
import { TemplateAccessService } from './template-access.service';
import { TemplatesController } from './templates.controller';

@Module({ controllers: [TemplatesController], providers: [TemplateAccessService], exports: [TemplateAccessService] })
export class TemplatesModule {}
