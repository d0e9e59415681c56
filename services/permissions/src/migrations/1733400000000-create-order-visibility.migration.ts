import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read models of the directory facts order visibility depends on (docs/rules.md#orders), fed by directory
 * events and never by reading directory tables: who is in which department, and who manages which
 * client company. `directory_snapshots` remembers the time of the last snapshot applied per entity
 * (and whether it was deleted), so a redelivered older snapshot cannot undo a newer one.
 */
export class CreateOrderVisibility1733400000000 implements MigrationInterface {
  name = 'CreateOrderVisibility1733400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "permissions"."department_members" (
        "tenant_id" uuid NOT NULL,
        "department_id" uuid NOT NULL,
        "person_id" uuid NOT NULL,
        PRIMARY KEY ("tenant_id", "department_id", "person_id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "department_members_person_idx" ON "permissions"."department_members" ("tenant_id", "person_id")`,
    );
    await queryRunner.query(`
      CREATE TABLE "permissions"."company_client_managers" (
        "tenant_id" uuid NOT NULL,
        "company_id" uuid NOT NULL,
        "person_id" uuid NOT NULL,
        PRIMARY KEY ("tenant_id", "company_id", "person_id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "company_client_managers_person_idx" ON "permissions"."company_client_managers" ("tenant_id", "person_id")`,
    );
    await queryRunner.query(`
      CREATE TABLE "permissions"."directory_snapshots" (
        "tenant_id" uuid NOT NULL,
        "entity" text NOT NULL CHECK ("entity" IN ('department', 'company')),
        "entity_id" uuid NOT NULL,
        "at" timestamptz NOT NULL,
        "deleted" boolean NOT NULL DEFAULT false,
        PRIMARY KEY ("tenant_id", "entity", "entity_id")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['directory_snapshots', 'company_client_managers', 'department_members']) {
      await queryRunner.query(`DROP TABLE "permissions"."${table}"`);
    }
  }
}
