import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Orders get a department and a client (who sees them: docs/rules.md#orders). All nullable: orders made before have no
 * department (visible to everyone who sees their status) and no client. The indexes serve the
 * visibility filter's newest-first pages: per department, per client contact (a contact's own
 * orders) and per client company (a client manager's view and the company's order history).
 * Per-(department, status) counters, kept like the per-status ones, count only orders that have a
 * department, so an employee's visible total is the per-status total minus the departments it does
 * not see — no count(*) over the tenant's orders.
 * History rows gain a kind, so a transfer (department change, same status) is recorded beside
 * status changes.
 */
export class AddOrderDepartmentsAndClients1733400000000 implements MigrationInterface {
  name = 'AddOrderDepartmentsAndClients1733400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "workflow"."orders"
        ADD COLUMN "department_id" uuid,
        ADD COLUMN "client_contact_id" uuid,
        ADD COLUMN "client_company_id" uuid,
        ADD COLUMN "equipment_id" uuid,
        ADD COLUMN "inbound_message_id" uuid`);
    await queryRunner.query(`CREATE INDEX "orders_tenant_department_id_idx" ON "workflow"."orders" ("tenant_id", "department_id", "id")`);
    await queryRunner.query(
      `CREATE INDEX "orders_tenant_contact_id_idx" ON "workflow"."orders" ("tenant_id", "client_contact_id", "id") WHERE "client_contact_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "orders_tenant_company_id_idx" ON "workflow"."orders" ("tenant_id", "client_company_id", "id") WHERE "client_company_id" IS NOT NULL`,
    );
    // One ticket per inbound message, whatever happens to the event's delivery.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "orders_inbound_message_uq" ON "workflow"."orders" ("tenant_id", "inbound_message_id") WHERE "inbound_message_id" IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE "workflow"."order_department_counts" (
        "tenant_id" uuid NOT NULL,
        "department_id" uuid NOT NULL,
        "status_id" uuid NOT NULL,
        "count" bigint NOT NULL,
        PRIMARY KEY ("tenant_id", "department_id", "status_id")
      )`);
    await queryRunner.query(`
      ALTER TABLE "workflow"."order_history"
        ADD COLUMN "kind" text NOT NULL DEFAULT 'status' CHECK ("kind" IN ('status', 'transfer')),
        ADD COLUMN "from_department_id" uuid,
        ADD COLUMN "to_department_id" uuid`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "workflow"."order_history" DROP COLUMN "kind", DROP COLUMN "from_department_id", DROP COLUMN "to_department_id"`,
    );
    await queryRunner.query(`DROP TABLE "workflow"."order_department_counts"`);
    for (const index of [
      'orders_inbound_message_uq',
      'orders_tenant_company_id_idx',
      'orders_tenant_contact_id_idx',
      'orders_tenant_department_id_idx',
    ]) {
      await queryRunner.query(`DROP INDEX "workflow"."${index}"`);
    }
    await queryRunner.query(`
      ALTER TABLE "workflow"."orders" DROP COLUMN "department_id", DROP COLUMN "client_contact_id", DROP COLUMN "client_company_id",
        DROP COLUMN "equipment_id", DROP COLUMN "inbound_message_id"`);
  }
}
