import { Module } from '@nestjs/common';
import { CheckModule } from '../check/check.module';
import { PersonsModule } from '../persons/persons.module';
import { PolicyModule } from '../policy/policy.module';
import { GetPersonRightsHandler } from './get-person-rights.handler';
import { OverridesMessages } from './overrides.messages';
import { OverridesRepository } from './overrides.repository';
import { SetOverrideHandler } from './set-override.handler';

@Module({
  imports: [CheckModule, PersonsModule, PolicyModule],
  controllers: [OverridesMessages],
  providers: [OverridesRepository, GetPersonRightsHandler, SetOverrideHandler],
})
export class OverridesModule {}
