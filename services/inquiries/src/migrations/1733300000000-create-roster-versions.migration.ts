import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The version of each tenant's routing roster (who can be routed to: names, modes, rights, branches).
 * Every change of those facts writes a new random version in its own transaction, so a process that
 * keeps the roster in memory knows with one tiny query whether its copy is still the committed truth
 * (a rolled-back version is never seen by anyone, so it can never be mistaken for a current one).
 */
export class CreateRosterVersions1733300000000 implements MigrationInterface {
  name = 'CreateRosterVersions1733300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "inquiries"."roster_versions" (
        "tenant_id" uuid PRIMARY KEY,
        "version" uuid NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "inquiries"."roster_versions"`);
  }
}
