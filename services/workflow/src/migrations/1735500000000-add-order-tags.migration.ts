import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Orders carry tags (services/workflow/src/orders/order-tags.policy.ts): a sorted set of lower-case labels, with a GIN
 * index for the list's `tags @> ARRAY[tag]` filter; a history entry of kind `tags` records what a change added and
 * removed.
 */
export class AddOrderTags1735500000000 implements MigrationInterface {
  name = 'AddOrderTags1735500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "workflow"."orders" ADD COLUMN "tags" text[] NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`CREATE INDEX "orders_tags_idx" ON "workflow"."orders" USING gin ("tags")`);
    await queryRunner.query(`
      ALTER TABLE "workflow"."order_history" DROP CONSTRAINT "order_history_kind_check",
        ADD CONSTRAINT "order_history_kind_check" CHECK ("kind" IN ('status', 'transfer', 'responsible', 'tags', 'automation')),
        ADD COLUMN "tags_added" text[],
        ADD COLUMN "tags_removed" text[]`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "workflow"."order_history" WHERE "kind" = 'tags'`);
    await queryRunner.query(`
      ALTER TABLE "workflow"."order_history" DROP CONSTRAINT "order_history_kind_check",
        ADD CONSTRAINT "order_history_kind_check" CHECK ("kind" IN ('status', 'transfer', 'responsible', 'automation')),
        DROP COLUMN "tags_added", DROP COLUMN "tags_removed"`);
    await queryRunner.query(`DROP INDEX "workflow"."orders_tags_idx"`);
    await queryRunner.query(`ALTER TABLE "workflow"."orders" DROP COLUMN "tags"`);
  }
}
