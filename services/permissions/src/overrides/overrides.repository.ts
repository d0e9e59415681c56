import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Right, RightOverride } from '@warden/contracts';

/** Single rights granted or denied to one person, on top of its groups; every statement is scoped by tenant_id. */
@Injectable()
export class OverridesRepository {
  /** The person's own effect on the right; null: its groups decide. */
  async effectOf(manager: EntityManager, tenantId: string, personId: string, right: Right): Promise<string | null> {
    const rows: Array<{ effect: string }> = await manager.query(
      'SELECT effect FROM right_overrides WHERE tenant_id = $1 AND person_id = $2 AND "right" = $3',
      [tenantId, personId, right],
    );
    return rows[0]?.effect ?? null;
  }

  /** Sets the person's effect on the right; null removes it. */
  async set(
    manager: EntityManager,
    tenantId: string,
    personId: string,
    right: Right,
    effect: RightOverride['effect'] | null,
  ): Promise<void> {
    if (effect === null) {
      await manager.query('DELETE FROM right_overrides WHERE tenant_id = $1 AND person_id = $2 AND "right" = $3', [
        tenantId,
        personId,
        right,
      ]);
      return;
    }
    await manager.query(
      `INSERT INTO right_overrides (tenant_id, person_id, "right", effect) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, person_id, "right") DO UPDATE SET effect = EXCLUDED.effect`,
      [tenantId, personId, right, effect],
    );
  }

  list(manager: EntityManager, tenantId: string, personId: string): Promise<RightOverride[]> {
    return manager.query('SELECT "right", effect FROM right_overrides WHERE tenant_id = $1 AND person_id = $2 ORDER BY "right"', [
      tenantId,
      personId,
    ]);
  }
}
