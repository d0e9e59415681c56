import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deliveries keep a subject's events in the order they were published (their JetStream stream sequence), not the
 * order their rows happened to be inserted in: two replicas taking events from the shared consumer insert in
 * parallel (webhooks/delivery.repository.ts). Rows from before keep their insertion order as their position.
 */
export class DeliveriesInStreamOrder1735100000000 implements MigrationInterface {
  name = 'DeliveriesInStreamOrder1735100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of [
      `ALTER TABLE "integrations"."events" ADD COLUMN "stream_seq" bigint`,
      `UPDATE "integrations"."events" SET "stream_seq" = "seq"`,
      `ALTER TABLE "integrations"."events" ALTER COLUMN "stream_seq" SET NOT NULL`,
      `ALTER TABLE "integrations"."deliveries" ADD COLUMN "stream_seq" bigint`,
      `UPDATE "integrations"."deliveries" d SET "stream_seq" = e."stream_seq" FROM "integrations"."events" e WHERE e."event_id" = d."event_id"`,
      `ALTER TABLE "integrations"."deliveries" ALTER COLUMN "stream_seq" SET NOT NULL`,
      `DROP INDEX "integrations"."deliveries_order_idx"`,
      `CREATE INDEX "deliveries_order_idx" ON "integrations"."deliveries" ("endpoint_id", "subject", "stream_seq") WHERE "status" = 'pending'`,
    ]) {
      await queryRunner.query(statement);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "integrations"."deliveries_order_idx"`);
    await queryRunner.query(
      `CREATE INDEX "deliveries_order_idx" ON "integrations"."deliveries" ("endpoint_id", "subject", "seq") WHERE "status" = 'pending'`,
    );
    await queryRunner.query(`ALTER TABLE "integrations"."deliveries" DROP COLUMN "stream_seq"`);
    await queryRunner.query(`ALTER TABLE "integrations"."events" DROP COLUMN "stream_seq"`);
  }
}
