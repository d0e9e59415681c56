import { Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { PolicyWatermarks } from '@warden/messaging';

/** A loaded fact set together with the tenant policy version it was read under (same statement). */
export interface Versioned {
  policyVersion: number;
}

interface Entry {
  value: Versioned;
  expiresAt: number;
}

interface PendingDrop {
  tenantId: string;
  personIds: readonly string[] | null;
  policyVersion: number;
}

const MAX_PEOPLE = 50_000;
const MAX_TENANTS = 5_000;
/** Only a safety net for a policy change another replica announced and this one missed. */
const TTL_MS = 60_000;

/**
 * What checks read per (tenant, person) — rights, status levels, departments — and per tenant
 * (the statuses read model), so a warm check makes no database round trip. Every change that can
 * alter a decision bumps the tenant's policy version (PolicyVersions.bump); that drops the
 * affected people (or the tenant) here right after this replica's own commit, and on the other
 * replicas when `permissions.policy.changed.v1` arrives (PolicyChangeListener). A fact set read
 * under a version older than the newest one announced for its person (or its tenant) is not kept:
 * it may have been read just before the change and arrive just after the drop.
 */
@Injectable()
export class FactsCache implements OnModuleInit, EntitySubscriberInterface {
  private readonly people = new Map<string, Map<string, Entry>>();
  private readonly tenants = new Map<string, Map<string, Entry>>();
  private readonly watermarks = new PolicyWatermarks();
  private readonly pending = new WeakMap<QueryRunner, PendingDrop[]>();

  constructor(private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    // Commit hooks: the drop must follow the commit (an earlier drop could be refilled from the old rows).
    this.dataSource.subscribers.push(this);
  }

  /** The person's `part`, from the cache or loaded (and kept unless `keep` says no or it is stale). */
  async person<T extends Versioned>(
    tenantId: string,
    personId: string,
    part: string,
    load: () => Promise<T>,
    keep: (value: T) => boolean = () => true,
  ): Promise<T> {
    const key = `${tenantId}:${personId.toLowerCase()}`;
    const hit = this.fresh(this.people.get(key), part);
    if (hit) return hit as T;
    const value = await load();
    if (keep(value) && this.watermarks.isCurrent(tenantId, personId, value.policyVersion)) {
      let parts = this.people.get(key);
      if (!parts) {
        // Maps iterate in insertion order: evict the person cached longest ago.
        if (this.people.size >= MAX_PEOPLE) this.people.delete(this.people.keys().next().value!);
        parts = new Map();
        this.people.set(key, parts);
      }
      parts.set(part, { value, expiresAt: Date.now() + TTL_MS });
    }
    return value;
  }

  /** A tenant-wide `part` (read models every check of the tenant needs), like `person`. */
  async tenant<T extends Versioned>(tenantId: string, part: string, load: () => Promise<T>): Promise<T> {
    const hit = this.fresh(this.tenants.get(tenantId), part);
    if (hit) return hit as T;
    const value = await load();
    if (this.watermarks.isCurrent(tenantId, null, value.policyVersion)) {
      let parts = this.tenants.get(tenantId);
      if (!parts) {
        if (this.tenants.size >= MAX_TENANTS) this.tenants.delete(this.tenants.keys().next().value!);
        parts = new Map();
        this.tenants.set(tenantId, parts);
      }
      parts.set(part, { value, expiresAt: Date.now() + TTL_MS });
    }
    return value;
  }

  /**
   * Drops the facts of these people (null: the whole tenant, tenant-wide parts included) once the
   * transaction of `manager` commits — at once when it has none. Nothing is dropped on rollback.
   */
  dropOnCommit(manager: EntityManager, tenantId: string, personIds: readonly string[] | null, policyVersion = 0): void {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) return this.invalidate(tenantId, personIds, policyVersion);
    const drops = this.pending.get(runner) ?? [];
    drops.push({ tenantId, personIds, policyVersion });
    this.pending.set(runner, drops);
  }

  /** Drops at once: a policy change announced (maybe by another replica) under `policyVersion`. */
  invalidate(tenantId: string, personIds: readonly string[] | null, policyVersion = 0): void {
    // An id that is not a string (a caller's bug) must not leave someone's facts behind: drop the tenant.
    const named = personIds && personIds.every((personId) => typeof personId === 'string') ? personIds : null;
    this.watermarks.record(tenantId, named, policyVersion);
    if (named) {
      for (const personId of named) this.people.delete(`${tenantId}:${personId.toLowerCase()}`);
      return;
    }
    this.tenants.delete(tenantId);
    const prefix = `${tenantId}:`;
    for (const key of this.people.keys()) if (key.startsWith(prefix)) this.people.delete(key);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    // A released savepoint is not the commit: wait for the outermost transaction.
    if (event.queryRunner.isTransactionActive) return;
    const drops = this.pending.get(event.queryRunner);
    if (!drops) return;
    this.pending.delete(event.queryRunner);
    for (const drop of drops) this.invalidate(drop.tenantId, drop.personIds, drop.policyVersion);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) this.pending.delete(event.queryRunner);
  }

  get size(): number {
    return this.people.size;
  }

  private fresh(parts: Map<string, Entry> | undefined, part: string): Versioned | undefined {
    const entry = parts?.get(part);
    if (!entry) return undefined;
    if (entry.expiresAt > Date.now()) return entry.value;
    parts!.delete(part);
    return undefined;
  }
}
