import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Indexes the delivery-log pruner (webhooks/delivery-log.pruner.ts) needs to find old rows without scanning. */
export class DeliveryLogRetention1734900000000 implements MigrationInterface {
  name = 'DeliveryLogRetention1734900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of [
      `CREATE INDEX "deliveries_finished_idx" ON "integrations"."deliveries" ("created_at") WHERE "status" <> 'pending'`,
      `CREATE INDEX "deliveries_event_idx" ON "integrations"."deliveries" ("event_id")`,
      `CREATE INDEX "events_received_idx" ON "integrations"."events" ("received_at")`,
    ]) {
      await queryRunner.query(statement);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of ['events_received_idx', 'deliveries_event_idx', 'deliveries_finished_idx']) {
      await queryRunner.query(`DROP INDEX "integrations"."${index}"`);
    }
  }
}
