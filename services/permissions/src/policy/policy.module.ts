import { Module } from '@nestjs/common';
import { FactsCache } from './facts.cache';
import { PolicyChangeListener } from './policy-change.listener';
import { PolicyVersions } from './policy-versions';

/**
 * Import this to change policy: every mutation goes through PolicyVersions.bump. Also the cache of
 * the facts checks read, which those changes drop (FactsCache).
 */
@Module({
  providers: [PolicyVersions, FactsCache, PolicyChangeListener],
  exports: [PolicyVersions, FactsCache],
})
export class PolicyModule {}
