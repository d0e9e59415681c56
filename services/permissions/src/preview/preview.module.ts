import { Module } from '@nestjs/common';
import { OrderAccessModule } from '../order-access/order-access.module';
import { PolicyModule } from '../policy/policy.module';
import { StatusAccessModule } from '../status-access/status-access.module';
import { PreviewMessages } from './preview.messages';
import { PermissionPreviewService } from './preview.service';

/** `POST /permissions/preview`: what a permission change would do to whom, on the rules of the real checks. */
@Module({
  imports: [PolicyModule, StatusAccessModule, OrderAccessModule],
  controllers: [PreviewMessages],
  providers: [PermissionPreviewService],
})
export class PreviewModule {}
