import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createMessagingTables, dropMessagingTables } from '@warden/messaging';

/**
 * Webhook endpoints, the events they were sent (kept for redelivery and replay) and one delivery row per
 * (endpoint, event) carrying its retry schedule, so a restart or a second replica loses and repeats nothing.
 */
export class CreateIntegrationsSchema1733300000000 implements MigrationInterface {
  name = 'CreateIntegrationsSchema1733300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createMessagingTables(queryRunner, 'integrations');
    const statements = [
      `CREATE TABLE "integrations"."endpoints" (
        "id" uuid PRIMARY KEY,
        "tenant_id" uuid NOT NULL,
        "url" text NOT NULL,
        "event_types" text[] NOT NULL,
        "description" text,
        "active" boolean NOT NULL DEFAULT true,
        "disabled_reason" text,
        "secret" text NOT NULL,
        "previous_secret" text,
        "previous_secret_until" timestamptz,
        "failing_since" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX "endpoints_tenant_idx" ON "integrations"."endpoints" ("tenant_id", "created_at")`,
      `CREATE TABLE "integrations"."events" (
        "event_id" uuid PRIMARY KEY,
        "seq" bigserial NOT NULL UNIQUE,
        "tenant_id" uuid NOT NULL,
        "type" text NOT NULL,
        "subject" text NOT NULL,
        "time" timestamptz NOT NULL,
        "body" text NOT NULL,
        "received_at" timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX "events_tenant_time_idx" ON "integrations"."events" ("tenant_id", "time", "seq")`,
      `CREATE TABLE "integrations"."deliveries" (
        "id" uuid PRIMARY KEY,
        "seq" bigserial NOT NULL UNIQUE,
        "tenant_id" uuid NOT NULL,
        "endpoint_id" uuid NOT NULL REFERENCES "integrations"."endpoints" ("id") ON DELETE CASCADE,
        "event_id" uuid NOT NULL REFERENCES "integrations"."events" ("event_id"),
        "event_type" text NOT NULL,
        "subject" text NOT NULL,
        "status" text NOT NULL DEFAULT 'pending' CHECK ("status" IN ('pending', 'delivered', 'failed')),
        "attempts" integer NOT NULL DEFAULT 0,
        "last_status_code" integer,
        "last_error" text,
        "next_attempt_at" timestamptz,
        "delivered_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "deliveries_endpoint_event_key" UNIQUE ("endpoint_id", "event_id")
      )`,
      `CREATE INDEX "deliveries_due_idx" ON "integrations"."deliveries" ("next_attempt_at") WHERE "status" = 'pending'`,
      `CREATE INDEX "deliveries_order_idx" ON "integrations"."deliveries" ("endpoint_id", "subject", "seq") WHERE "status" = 'pending'`,
      `CREATE INDEX "deliveries_log_idx" ON "integrations"."deliveries" ("endpoint_id", "seq")`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "integrations"."deliveries"');
    await queryRunner.query('DROP TABLE "integrations"."events"');
    await queryRunner.query('DROP TABLE "integrations"."endpoints"');
    await dropMessagingTables(queryRunner, 'integrations');
  }
}
