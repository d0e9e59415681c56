import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An internal note an automation rule wrote names the rule (it has no author: the system wrote it on the rule's behalf). */
export class AddAutomationNotes1735100000000 implements MigrationInterface {
  name = 'AddAutomationNotes1735100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "workflow"."order_comments" ADD COLUMN "automation_rule_id" uuid`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "workflow"."order_comments" DROP COLUMN "automation_rule_id"`);
  }
}
