import type { QueryRunner } from 'typeorm';

/**
 * DDL for the outbox and inbox tables, called from each service's first migration so the tables
 * live in that service's schema and change only through its migrations.
 */
export async function createMessagingTables(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(`
    CREATE TABLE "${schema}"."outbox" (
      "id" uuid PRIMARY KEY,
      "subject" text NOT NULL,
      "type" text NOT NULL,
      "tenant_id" uuid NOT NULL,
      "event" jsonb NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "published_at" timestamptz
    )`);
  await queryRunner.query(`CREATE INDEX "outbox_unpublished_idx" ON "${schema}"."outbox" ("id") WHERE "published_at" IS NULL`);
  await queryRunner.query(`
    CREATE TABLE "${schema}"."inbox" (
      "event_id" uuid NOT NULL,
      "consumer" text NOT NULL,
      "type" text NOT NULL,
      "handled_at" timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY ("event_id", "consumer")
    )`);
}

export async function dropMessagingTables(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(`DROP TABLE "${schema}"."inbox"`);
  await queryRunner.query(`DROP TABLE "${schema}"."outbox"`);
}
