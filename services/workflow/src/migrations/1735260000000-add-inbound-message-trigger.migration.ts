import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Automation rules may also start from a client's message arriving on an open ticket. */
export class AddInboundMessageTrigger1735260000000 implements MigrationInterface {
  name = 'AddInboundMessageTrigger1735260000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "workflow"."automation_rules" DROP CONSTRAINT "automation_rules_trigger_check",
        ADD CONSTRAINT "automation_rules_trigger_check"
        CHECK ("trigger" IN ('order.created', 'order.status-changed', 'order.transferred', 'order.inbound-message'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "workflow"."automation_rules" WHERE "trigger" = 'order.inbound-message'`);
    await queryRunner.query(`
      ALTER TABLE "workflow"."automation_rules" DROP CONSTRAINT "automation_rules_trigger_check",
        ADD CONSTRAINT "automation_rules_trigger_check" CHECK ("trigger" IN ('order.created', 'order.status-changed', 'order.transferred'))`);
  }
}
