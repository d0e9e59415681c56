import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log of every service (services/integrations/src/audit): one row per `<service>.audit.recorded.v1` event,
 * keyed by the event id so a redelivery inserts nothing twice. Append-only: a trigger refuses every UPDATE; rows
 * leave only through the retention job (AUDIT_RETENTION_DAYS).
 */
export class CreateAuditEntries1735000000000 implements MigrationInterface {
  name = 'CreateAuditEntries1735000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE "integrations"."audit_entries" (
        "id" uuid PRIMARY KEY,
        "tenant_id" uuid NOT NULL,
        "at" timestamptz NOT NULL,
        "source" text NOT NULL,
        "actor_id" uuid,
        "actor_kind" text NOT NULL CHECK ("actor_kind" IN ('person', 'system')),
        "action" text NOT NULL,
        "resource_type" text NOT NULL,
        "resource_id" text NOT NULL,
        "before" jsonb NOT NULL,
        "after" jsonb NOT NULL,
        "request_id" text,
        "received_at" timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX "audit_entries_tenant_at_idx" ON "integrations"."audit_entries" ("tenant_id", "at" DESC, "id" DESC)`,
      `CREATE INDEX "audit_entries_tenant_resource_idx" ON "integrations"."audit_entries" ("tenant_id", "resource_id", "at" DESC)`,
      `CREATE INDEX "audit_entries_tenant_actor_idx" ON "integrations"."audit_entries" ("tenant_id", "actor_id", "at" DESC)`,
      `CREATE INDEX "audit_entries_tenant_request_idx" ON "integrations"."audit_entries" ("tenant_id", "request_id")`,
      `CREATE INDEX "audit_entries_at_idx" ON "integrations"."audit_entries" ("at")`,
      `CREATE FUNCTION "integrations"."audit_entries_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'audit entries are append-only'; END $$`,
      `CREATE TRIGGER "audit_entries_no_update" BEFORE UPDATE ON "integrations"."audit_entries"
       FOR EACH ROW EXECUTE FUNCTION "integrations"."audit_entries_append_only"()`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "integrations"."audit_entries"`);
    await queryRunner.query(`DROP FUNCTION "integrations"."audit_entries_append_only"()`);
  }
}
