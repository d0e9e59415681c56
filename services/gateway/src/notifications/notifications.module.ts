import { Module } from '@nestjs/common';
import { NotificationsController } from './notifications.controller';

/** The integrations service's email notifications over HTTP. */
@Module({ controllers: [NotificationsController] })
export class NotificationsModule {}
