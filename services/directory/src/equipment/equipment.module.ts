import { Module } from '@nestjs/common';
import { CompaniesModule } from '../companies/companies.module';
import { CreateEquipmentHandler } from './create-equipment.handler';
import { DeleteEquipmentHandler } from './delete-equipment.handler';
import { EquipmentMessages } from './equipment.messages';
import { EquipmentRepository } from './equipment.repository';
import { GetEquipmentTreeHandler } from './get-equipment-tree.handler';
import { GetEquipmentHandler } from './get-equipment.handler';
import { UpdateEquipmentHandler } from './update-equipment.handler';

@Module({
  imports: [CompaniesModule],
  controllers: [EquipmentMessages],
  providers: [
    EquipmentRepository,
    GetEquipmentTreeHandler,
    GetEquipmentHandler,
    CreateEquipmentHandler,
    UpdateEquipmentHandler,
    DeleteEquipmentHandler,
  ],
})
export class EquipmentModule {}
