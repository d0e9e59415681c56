import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An order's conversation: comments (internal notes and public replies) in the order they were
 * written (`seq`), and the message ids of the ticket's inbound thread, so a reply joins its ticket.
 */
export class CreateOrderComments1734000000000 implements MigrationInterface {
  name = 'CreateOrderComments1734000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "workflow"."order_comments" (
        "id" uuid PRIMARY KEY,
        "seq" bigserial NOT NULL UNIQUE,
        "tenant_id" uuid NOT NULL,
        "order_id" uuid NOT NULL REFERENCES "workflow"."orders" ("id"),
        "visibility" text NOT NULL CHECK ("visibility" IN ('internal', 'public')),
        "author_id" uuid,
        "author_kind" text NOT NULL CHECK ("author_kind" IN ('employee', 'contact')),
        "body" text NOT NULL CHECK (length("body") > 0),
        "inbound_message_id" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX "order_comments_order_idx" ON "workflow"."order_comments" ("tenant_id", "order_id", "seq")`);
    // One comment per inbound message, whatever happens to the event's delivery.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "order_comments_inbound_message_uq" ON "workflow"."order_comments" ("tenant_id", "inbound_message_id") WHERE "inbound_message_id" IS NOT NULL`,
    );
    // Message ids are the connector's, unique only per channel: a reply is looked up in its own tenant and channel.
    await queryRunner.query(`
      CREATE TABLE "workflow"."order_thread_messages" (
        "tenant_id" uuid NOT NULL,
        "channel_id" uuid NOT NULL,
        "external_id" text NOT NULL,
        "order_id" uuid NOT NULL REFERENCES "workflow"."orders" ("id"),
        "contact_id" uuid NOT NULL,
        PRIMARY KEY ("tenant_id", "channel_id", "external_id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "order_thread_messages_sender_idx" ON "workflow"."order_thread_messages" ("tenant_id", "channel_id", "contact_id", "order_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "workflow"."order_thread_messages"`);
    await queryRunner.query(`DROP TABLE "workflow"."order_comments"`);
  }
}
