import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { FactsCache } from './facts.cache';

const T = 'tenant-a';
const OTHER = 'tenant-b';

function cache(): FactsCache {
  const facts = new FactsCache({ subscribers: [] } as unknown as DataSource);
  facts.onModuleInit();
  return facts;
}

function loader(version: number, label = 'v') {
  const load = jest.fn(async () => ({ policyVersion: version, label: `${label}${version}` }));
  return load;
}

function transaction(): { manager: EntityManager; runner: QueryRunner & { isTransactionActive: boolean } } {
  const runner = { isTransactionActive: true } as QueryRunner & { isTransactionActive: boolean };
  return { runner, manager: { queryRunner: runner } as unknown as EntityManager };
}

describe('FactsCache', () => {
  it('answers a warm read without loading again', async () => {
    const facts = cache();
    const load = loader(3);
    await facts.person(T, 'p1', 'rights', load);
    expect(await facts.person(T, 'p1', 'rights', load)).toMatchObject({ label: 'v3' });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('does not keep what `keep` refuses (a person not known yet)', async () => {
    const facts = cache();
    const load = loader(1);
    await facts.person(T, 'p1', 'rights', load, () => false);
    await facts.person(T, 'p1', 'rights', load, () => false);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('drops only the affected people, or the whole tenant (tenant-wide parts too)', async () => {
    const facts = cache();
    await facts.person(T, 'p1', 'rights', loader(1));
    await facts.person(T, 'p2', 'rights', loader(1));
    await facts.person(OTHER, 'p1', 'rights', loader(1));
    await facts.tenant(T, 'statuses', loader(1));
    facts.invalidate(T, ['P1'], 2);
    const p1 = loader(2);
    const p2 = loader(2);
    await facts.person(T, 'p1', 'rights', p1);
    await facts.person(T, 'p2', 'rights', p2);
    expect(p1).toHaveBeenCalledTimes(1);
    expect(p2).not.toHaveBeenCalled();
    facts.invalidate(T, null, 3);
    const statuses = loader(3);
    const other = loader(1);
    await facts.tenant(T, 'statuses', statuses);
    await facts.person(OTHER, 'p1', 'rights', other);
    expect(statuses).toHaveBeenCalledTimes(1);
    expect(other).not.toHaveBeenCalled();
  });

  it('does not keep facts read under a version older than the newest announced one', async () => {
    const facts = cache();
    facts.invalidate(T, ['p1'], 5);
    const stale = loader(4);
    await facts.person(T, 'p1', 'rights', stale);
    await facts.person(T, 'p1', 'rights', stale);
    expect(stale).toHaveBeenCalledTimes(2);
    const fresh = loader(5);
    await facts.person(T, 'p1', 'rights', fresh);
    await facts.person(T, 'p1', 'rights', fresh);
    expect(fresh).toHaveBeenCalledTimes(1);
  });

  it('drops on commit, not before, and not at all on rollback', async () => {
    const facts = cache();
    await facts.person(T, 'p1', 'rights', loader(1));
    const committed = transaction();
    facts.dropOnCommit(committed.manager, T, ['p1'], 2);
    const before = loader(1);
    await facts.person(T, 'p1', 'rights', before);
    expect(before).not.toHaveBeenCalled();
    committed.runner.isTransactionActive = false;
    facts.afterTransactionCommit({ queryRunner: committed.runner } as never);
    const after = loader(2);
    await facts.person(T, 'p1', 'rights', after);
    expect(after).toHaveBeenCalledTimes(1);

    const rolledBack = transaction();
    facts.dropOnCommit(rolledBack.manager, T, ['p1'], 3);
    rolledBack.runner.isTransactionActive = false;
    facts.afterTransactionRollback({ queryRunner: rolledBack.runner } as never);
    facts.afterTransactionCommit({ queryRunner: rolledBack.runner } as never);
    const kept = loader(2);
    await facts.person(T, 'p1', 'rights', kept);
    expect(kept).not.toHaveBeenCalled();
  });

  it('drops the whole tenant when an affected id is not a string', async () => {
    const facts = cache();
    await facts.person(T, 'p2', 'rights', loader(1));
    facts.invalidate(T, [undefined as unknown as string], 2);
    const reload = loader(2);
    await facts.person(T, 'p2', 'rights', reload);
    expect(reload).toHaveBeenCalledTimes(1);
  });
});
