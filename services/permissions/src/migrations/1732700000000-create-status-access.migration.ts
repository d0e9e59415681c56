import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-status access levels (docs/rules.md#orders): a read model of order statuses (from workflow events),
 * group levels, personal overrides and the personal "may change closed orders" flag. A missing
 * group row means the group's default level; a missing person row means "as the groups say".
 */
export class CreateStatusAccess1732700000000 implements MigrationInterface {
  name = 'CreateStatusAccess1732700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "permissions"."order_statuses" (
        "tenant_id" uuid NOT NULL,
        "status_id" uuid NOT NULL,
        "workflow_id" uuid NOT NULL,
        "workflow_name" text NOT NULL,
        "name" text NOT NULL,
        "category" text NOT NULL CHECK ("category" IN ('initial', 'active', 'final')),
        "position" integer NOT NULL,
        "archived" boolean NOT NULL,
        PRIMARY KEY ("tenant_id", "status_id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "order_statuses_workflow_idx" ON "permissions"."order_statuses" ("tenant_id", "workflow_id", "position")`,
    );
    await queryRunner.query(`
      CREATE TABLE "permissions"."group_status_levels" (
        "tenant_id" uuid NOT NULL,
        "group_id" uuid NOT NULL,
        "status_id" uuid NOT NULL,
        "level" text NOT NULL CHECK ("level" IN ('none', 'view', 'set')),
        PRIMARY KEY ("tenant_id", "group_id", "status_id"),
        CONSTRAINT "group_status_levels_group_fk" FOREIGN KEY ("tenant_id", "group_id")
          REFERENCES "permissions"."groups" ("tenant_id", "id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`
      CREATE TABLE "permissions"."person_status_levels" (
        "tenant_id" uuid NOT NULL,
        "person_id" uuid NOT NULL,
        "status_id" uuid NOT NULL,
        "level" text NOT NULL CHECK ("level" IN ('none', 'view', 'set')),
        PRIMARY KEY ("tenant_id", "person_id", "status_id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "permissions"."person_status_flags" (
        "tenant_id" uuid NOT NULL,
        "person_id" uuid NOT NULL,
        "may_change_closed" boolean NOT NULL,
        PRIMARY KEY ("tenant_id", "person_id")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['person_status_flags', 'person_status_levels', 'group_status_levels', 'order_statuses']) {
      await queryRunner.query(`DROP TABLE "permissions"."${table}"`);
    }
  }
}
