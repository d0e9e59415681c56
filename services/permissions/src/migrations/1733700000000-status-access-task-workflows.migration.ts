import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Task workflows' statuses join the status read model (one model of per-status levels for orders
 * and tasks, docs/rules.md#tasks). The table keeps its name; `workflow_kind` tells the order rule's
 * statuses from the task ones. Rows already there came only from order workflows, hence the default.
 */
export class StatusAccessTaskWorkflows1733700000000 implements MigrationInterface {
  name = 'StatusAccessTaskWorkflows1733700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "permissions"."order_statuses" ADD COLUMN "workflow_kind" text NOT NULL DEFAULT 'order' CHECK ("workflow_kind" IN ('order', 'task'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "permissions"."order_statuses" WHERE "workflow_kind" <> 'order'`);
    await queryRunner.query(`ALTER TABLE "permissions"."order_statuses" DROP COLUMN "workflow_kind"`);
  }
}
