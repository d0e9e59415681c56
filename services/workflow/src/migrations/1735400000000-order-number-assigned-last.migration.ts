import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An order's number is assigned at the end of the transaction that opens it (services/workflow/src/orders/order.opener.ts),
 * so the tenant's counter row is held for two statements and the commit instead of the whole creation: the row is
 * inserted first without one. Every committed order has a number; only its own transaction sees it without.
 */
export class OrderNumberAssignedLast1735400000000 implements MigrationInterface {
  name = 'OrderNumberAssignedLast1735400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "workflow"."orders" ALTER COLUMN "number" DROP NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "workflow"."orders" ALTER COLUMN "number" SET NOT NULL`);
  }
}
