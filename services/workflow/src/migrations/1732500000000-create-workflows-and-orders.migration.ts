import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Workflows with their statuses, orders with their history, and two counters kept in the same
 * transaction as the orders they count: the per-tenant order number and the per-status order count
 * (so a list's total over the visible statuses is a sum of a few rows, not a scan of a million).
 */
export class CreateWorkflowsAndOrders1732500000000 implements MigrationInterface {
  name = 'CreateWorkflowsAndOrders1732500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "workflow"."workflows" (
        "id" uuid PRIMARY KEY,
        "tenant_id" uuid NOT NULL,
        "name" text NOT NULL,
        "kind" text NOT NULL CHECK ("kind" IN ('order', 'task')),
        "free" boolean NOT NULL,
        "is_default" boolean NOT NULL DEFAULT false,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX "workflows_tenant_idx" ON "workflow"."workflows" ("tenant_id", "kind", "created_at")`);
    // At most one default order workflow per tenant: provisioning twice (event and RPC) creates one.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "workflows_default_uq" ON "workflow"."workflows" ("tenant_id", "kind") WHERE "is_default"`,
    );
    await queryRunner.query(`
      CREATE TABLE "workflow"."statuses" (
        "id" uuid PRIMARY KEY,
        "workflow_id" uuid NOT NULL REFERENCES "workflow"."workflows" ("id"),
        "tenant_id" uuid NOT NULL,
        "name" text NOT NULL,
        "color" text NOT NULL,
        "position" integer NOT NULL,
        "category" text NOT NULL CHECK ("category" IN ('initial', 'active', 'final')),
        "archived_at" timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX "statuses_workflow_idx" ON "workflow"."statuses" ("tenant_id", "workflow_id", "position")`);
    await queryRunner.query(`
      CREATE TABLE "workflow"."order_counters" (
        "tenant_id" uuid PRIMARY KEY,
        "last_number" integer NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE "workflow"."orders" (
        "id" uuid PRIMARY KEY,
        "tenant_id" uuid NOT NULL,
        "number" integer NOT NULL,
        "title" text NOT NULL,
        "description" text NOT NULL DEFAULT '',
        "client_ref" text,
        "responsible_id" uuid,
        "workflow_id" uuid NOT NULL REFERENCES "workflow"."workflows" ("id"),
        "status_id" uuid NOT NULL REFERENCES "workflow"."statuses" ("id"),
        "version" integer NOT NULL DEFAULT 1,
        "created_by" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        "closed_at" timestamptz,
        CONSTRAINT "orders_number_uq" UNIQUE ("tenant_id", "number")
      )`);
    // Newest-first pages over the visible statuses: the planner walks (tenant, id) backwards and
    // filters by status when the visible statuses are common, or reads (tenant, status, id) per
    // status when they are rare.
    await queryRunner.query(`CREATE INDEX "orders_tenant_id_idx" ON "workflow"."orders" ("tenant_id", "id")`);
    await queryRunner.query(`CREATE INDEX "orders_tenant_status_id_idx" ON "workflow"."orders" ("tenant_id", "status_id", "id")`);
    await queryRunner.query(`
      CREATE TABLE "workflow"."order_status_counts" (
        "tenant_id" uuid NOT NULL,
        "status_id" uuid NOT NULL,
        "count" bigint NOT NULL,
        PRIMARY KEY ("tenant_id", "status_id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "workflow"."order_history" (
        "id" uuid PRIMARY KEY,
        "order_id" uuid NOT NULL REFERENCES "workflow"."orders" ("id"),
        "tenant_id" uuid NOT NULL,
        "from_status_id" uuid,
        "from_status_name" text,
        "to_status_id" uuid NOT NULL,
        "to_status_name" text NOT NULL,
        "actor_id" uuid,
        "at" timestamptz NOT NULL DEFAULT now(),
        "decision" jsonb
      )`);
    await queryRunner.query(`CREATE INDEX "order_history_order_idx" ON "workflow"."order_history" ("tenant_id", "order_id", "id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['order_history', 'order_status_counts', 'orders', 'order_counters', 'statuses', 'workflows']) {
      await queryRunner.query(`DROP TABLE "workflow"."${table}"`);
    }
  }
}
