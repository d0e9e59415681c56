import { Module } from '@nestjs/common';
import { BranchesController } from './branches.controller';
import { ChannelsController } from './channels.controller';
import { CompaniesController } from './companies.controller';
import { ContactsController } from './contacts.controller';
import { DepartmentsController } from './departments.controller';
import { EquipmentAccessService } from './equipment-access.service';
import { EquipmentController } from './equipment.controller';
import { PortalAccessFacade } from './portal-access.facade';

/** The directory service's HTTP API: organisation structure and clients. */
@Module({
  controllers: [
    BranchesController,
    DepartmentsController,
    ChannelsController,
    ContactsController,
    CompaniesController,
    EquipmentController,
  ],
  providers: [PortalAccessFacade, EquipmentAccessService],
})
export class DirectoryModule {}
