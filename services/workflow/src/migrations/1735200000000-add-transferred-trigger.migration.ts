import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Automation rules may also start from a person's transfer of an order to another department. */
export class AddTransferredTrigger1735200000000 implements MigrationInterface {
  name = 'AddTransferredTrigger1735200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "workflow"."automation_rules" DROP CONSTRAINT "automation_rules_trigger_check",
        ADD CONSTRAINT "automation_rules_trigger_check" CHECK ("trigger" IN ('order.created', 'order.status-changed', 'order.transferred'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "workflow"."automation_rules" WHERE "trigger" = 'order.transferred'`);
    await queryRunner.query(`
      ALTER TABLE "workflow"."automation_rules" DROP CONSTRAINT "automation_rules_trigger_check",
        ADD CONSTRAINT "automation_rules_trigger_check" CHECK ("trigger" IN ('order.created', 'order.status-changed'))`);
  }
}
