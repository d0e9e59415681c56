import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Groups, memberships, personal overrides, the persons read model and the per-tenant policy version.
 * Every table leads with tenant_id so each index a check uses is scoped to one tenant.
 */
export class CreatePolicyTables1732500000000 implements MigrationInterface {
  name = 'CreatePolicyTables1732500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "permissions"."tenant_policy" (
        "tenant_id" uuid PRIMARY KEY,
        "version" bigint NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE "permissions"."groups" (
        "id" uuid PRIMARY KEY,
        "tenant_id" uuid NOT NULL,
        "name" text NOT NULL CHECK (length("name") BETWEEN 1 AND 100),
        "system_key" text CHECK ("system_key" IN ('administrator', 'employee', 'client')),
        "rights" text[] NOT NULL DEFAULT '{}',
        "login_barred" boolean NOT NULL DEFAULT false,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "groups_tenant_name_uq" ON "permissions"."groups" ("tenant_id", lower("name"))`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "groups_tenant_system_key_uq" ON "permissions"."groups" ("tenant_id", "system_key") WHERE "system_key" IS NOT NULL`,
    );
    // Target of the members' composite foreign key: a membership can only name a group of its own tenant.
    await queryRunner.query(`CREATE UNIQUE INDEX "groups_tenant_id_uq" ON "permissions"."groups" ("tenant_id", "id")`);
    await queryRunner.query(`
      CREATE TABLE "permissions"."group_members" (
        "tenant_id" uuid NOT NULL,
        "group_id" uuid NOT NULL,
        "person_id" uuid NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("tenant_id", "group_id", "person_id"),
        CONSTRAINT "group_members_group_fk" FOREIGN KEY ("tenant_id", "group_id")
          REFERENCES "permissions"."groups" ("tenant_id", "id") ON DELETE CASCADE
      )`);
    // The check's lookup: the groups of one person.
    await queryRunner.query(`CREATE INDEX "group_members_person_idx" ON "permissions"."group_members" ("tenant_id", "person_id")`);
    await queryRunner.query(`
      CREATE TABLE "permissions"."right_overrides" (
        "tenant_id" uuid NOT NULL,
        "person_id" uuid NOT NULL,
        "right" text NOT NULL,
        "effect" text NOT NULL CHECK ("effect" IN ('allow', 'deny')),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("tenant_id", "person_id", "right")
      )`);
    await queryRunner.query(`
      CREATE TABLE "permissions"."persons" (
        "tenant_id" uuid NOT NULL,
        "person_id" uuid NOT NULL,
        "kind" text NOT NULL CHECK ("kind" IN ('employee', 'contact')),
        "deleted_at" timestamptz,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("tenant_id", "person_id")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "permissions"."persons"`);
    await queryRunner.query(`DROP TABLE "permissions"."right_overrides"`);
    await queryRunner.query(`DROP TABLE "permissions"."group_members"`);
    await queryRunner.query(`DROP TABLE "permissions"."groups"`);
    await queryRunner.query(`DROP TABLE "permissions"."tenant_policy"`);
  }
}
