import { Module } from '@nestjs/common';
import { CompaniesModule } from '../companies/companies.module';
import { EquipmentMessages } from './equipment.messages';
import { EquipmentRepository } from './equipment.repository';
import { EquipmentService } from './equipment.service';

@Module({
  imports: [CompaniesModule],
  controllers: [EquipmentMessages],
  providers: [EquipmentRepository, EquipmentService],
})
export class EquipmentModule {}
