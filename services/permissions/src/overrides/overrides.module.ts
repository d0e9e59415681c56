import { Module } from '@nestjs/common';
import { CheckModule } from '../check/check.module';
import { PersonsModule } from '../persons/persons.module';
import { PolicyModule } from '../policy/policy.module';
import { OverridesMessages } from './overrides.messages';
import { OverridesService } from './overrides.service';

@Module({
  imports: [CheckModule, PersonsModule, PolicyModule],
  controllers: [OverridesMessages],
  providers: [OverridesService],
})
export class OverridesModule {}
