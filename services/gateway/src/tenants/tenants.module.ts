import { Module } from '@nestjs/common';
import { SignupTokenGuard } from './signup-token.guard';
import { TenantsController } from './tenants.controller';

@Module({ controllers: [TenantsController], providers: [SignupTokenGuard] })
export class TenantsModule {}
