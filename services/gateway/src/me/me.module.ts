import { Module } from '@nestjs/common';
import { StaffModule } from '../staff/staff.module';
import { MeController } from './me.controller';

@Module({ imports: [StaffModule], controllers: [MeController] })
export class MeModule {}
