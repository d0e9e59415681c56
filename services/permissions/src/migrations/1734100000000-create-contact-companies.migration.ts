import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read model of which company each directory contact belongs to, fed by the directory's contact
 * events: a portal contact sees its own company's projects and templates. `at` is the time of the
 * snapshot applied, so a redelivered older snapshot cannot undo a newer one.
 */
export class CreateContactCompanies1734100000000 implements MigrationInterface {
  name = 'CreateContactCompanies1734100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "permissions"."contact_companies" (
        "tenant_id" uuid NOT NULL,
        "contact_id" uuid NOT NULL,
        "company_id" uuid,
        "at" timestamptz NOT NULL,
        PRIMARY KEY ("tenant_id", "contact_id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "contact_companies_company_idx" ON "permissions"."contact_companies" ("tenant_id", "company_id") WHERE "company_id" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "permissions"."contact_companies"`);
  }
}
