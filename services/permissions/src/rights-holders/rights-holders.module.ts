import { Module } from '@nestjs/common';
import { PolicyModule } from '../policy/policy.module';
import { GetRightsHoldersHandler } from './get-rights-holders.handler';
import { GetSignInRefusalsHandler } from './get-sign-in-refusals.handler';
import { RightsHoldersMessages } from './rights-holders.messages';
import { RightsHoldersRepository } from './rights-holders.repository';

/** Batch answer to "who holds these rights" for routers that decide about many people at once. */
@Module({
  imports: [PolicyModule],
  controllers: [RightsHoldersMessages],
  providers: [RightsHoldersRepository, GetRightsHoldersHandler, GetSignInRefusalsHandler],
})
export class RightsHoldersModule {}
