import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An order opened from an inbound message remembers the channel it came in through (automation rules' `channelIds`
 * condition). Existing tickets take it from their thread: every message of an order's thread is of the channel
 * that opened it (replies are matched within their own channel, inbound-ticket.consumer.ts).
 */
export class AddOrderChannels1735300000000 implements MigrationInterface {
  name = 'AddOrderChannels1735300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "workflow"."orders" ADD COLUMN "channel_id" uuid`);
    await queryRunner.query(`
      UPDATE "workflow"."orders" o SET "channel_id" = (
        SELECT t."channel_id" FROM "workflow"."order_thread_messages" t
        WHERE t."tenant_id" = o."tenant_id" AND t."order_id" = o."id" LIMIT 1)
      WHERE o."inbound_message_id" IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "workflow"."orders" DROP COLUMN "channel_id"`);
  }
}
