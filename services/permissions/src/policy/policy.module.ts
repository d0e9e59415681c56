import { Module } from '@nestjs/common';
import { PolicyVersions } from './policy-versions';

/** Import this to change policy: every mutation goes through PolicyVersions.bump. */
@Module({
  providers: [PolicyVersions],
  exports: [PolicyVersions],
})
export class PolicyModule {}
