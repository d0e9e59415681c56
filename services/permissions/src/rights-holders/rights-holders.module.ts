import { Module } from '@nestjs/common';
import { RightsHoldersMessages } from './rights-holders.messages';
import { RightsHoldersService } from './rights-holders.service';

/** Batch answer to "who holds these rights" for routers that decide about many people at once. */
@Module({ controllers: [RightsHoldersMessages], providers: [RightsHoldersService] })
export class RightsHoldersModule {}
