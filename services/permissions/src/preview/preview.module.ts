import { Module } from '@nestjs/common';
import { GroupsModule } from '../groups/groups.module';
import { OrderAccessModule } from '../order-access/order-access.module';
import { PersonsModule } from '../persons/persons.module';
import { PolicyModule } from '../policy/policy.module';
import { StatusAccessModule } from '../status-access/status-access.module';
import { PreviewChangeLoader } from './change.loader';
import { PreviewChangeHandler } from './preview-change.handler';
import { PreviewMessages } from './preview.messages';

/** `POST /permissions/preview`: what a permission change would do to whom, on the rules of the real checks. */
@Module({
  imports: [PolicyModule, StatusAccessModule, OrderAccessModule, GroupsModule, PersonsModule],
  controllers: [PreviewMessages],
  providers: [PreviewChangeLoader, PreviewChangeHandler],
})
export class PreviewModule {}
