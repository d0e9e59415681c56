import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Automation rules per tenant, and the order history entries they write: a responsible employee set, or a rule
 * that matched and did nothing (`note` says why); every entry a rule wrote names it (`automation_rule_id`).
 */
export class CreateAutomations1735000000000 implements MigrationInterface {
  name = 'CreateAutomations1735000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "workflow"."automation_rules" (
        "id" uuid PRIMARY KEY,
        "tenant_id" uuid NOT NULL,
        "name" text NOT NULL CHECK (length("name") > 0),
        "trigger" text NOT NULL CHECK ("trigger" IN ('order.created', 'order.status-changed')),
        "conditions" jsonb NOT NULL,
        "actions" jsonb NOT NULL,
        "position" integer NOT NULL,
        "active" boolean NOT NULL,
        "owner_id" uuid NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX "automation_rules_tenant_trigger_idx" ON "workflow"."automation_rules" ("tenant_id", "trigger", "position", "id")`,
    );
    await queryRunner.query(`ALTER TABLE "workflow"."order_history" DROP CONSTRAINT "order_history_kind_check"`);
    await queryRunner.query(`
      ALTER TABLE "workflow"."order_history"
        ADD CONSTRAINT "order_history_kind_check" CHECK ("kind" IN ('status', 'transfer', 'responsible', 'automation')),
        ADD COLUMN "from_responsible_id" uuid,
        ADD COLUMN "to_responsible_id" uuid,
        ADD COLUMN "automation_rule_id" uuid,
        ADD COLUMN "note" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "workflow"."order_history" WHERE "kind" IN ('responsible', 'automation')`);
    await queryRunner.query(`
      ALTER TABLE "workflow"."order_history" DROP CONSTRAINT "order_history_kind_check",
        DROP COLUMN "from_responsible_id", DROP COLUMN "to_responsible_id", DROP COLUMN "automation_rule_id", DROP COLUMN "note"`);
    await queryRunner.query(
      `ALTER TABLE "workflow"."order_history" ADD CONSTRAINT "order_history_kind_check" CHECK ("kind" IN ('status', 'transfer'))`,
    );
    await queryRunner.query(`DROP TABLE "workflow"."automation_rules"`);
  }
}
