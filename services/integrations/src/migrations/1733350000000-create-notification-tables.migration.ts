import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Email notifications: small read models fed by events (tenants, people, statuses, orders, departments), each
 * employee's choices, each tenant's templates, and one row per (event, recipient) — the queue and the log at once.
 */
export class CreateNotificationTables1733350000000 implements MigrationInterface {
  name = 'CreateNotificationTables1733350000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE "integrations"."notification_tenants" (
        "tenant_id" uuid PRIMARY KEY,
        "name" text NOT NULL,
        "language" text NOT NULL DEFAULT 'en' CHECK ("language" IN ('en', 'ru'))
      )`,
      `CREATE TABLE "integrations"."notification_people" (
        "person_id" uuid PRIMARY KEY,
        "tenant_id" uuid NOT NULL,
        "kind" text NOT NULL CHECK ("kind" IN ('employee', 'contact')),
        "email" text NOT NULL,
        "email_is_placeholder" boolean NOT NULL DEFAULT false,
        "notifications" boolean NOT NULL DEFAULT true,
        "name" text NOT NULL,
        "deleted" boolean NOT NULL DEFAULT false
      )`,
      `CREATE TABLE "integrations"."notification_statuses" (
        "status_id" uuid PRIMARY KEY,
        "tenant_id" uuid NOT NULL,
        "name" text NOT NULL,
        "category" text NOT NULL
      )`,
      `CREATE TABLE "integrations"."notification_orders" (
        "order_id" uuid PRIMARY KEY,
        "tenant_id" uuid NOT NULL,
        "number" integer NOT NULL,
        "title" text NOT NULL,
        "client_contact_id" uuid,
        "department_id" uuid
      )`,
      `CREATE TABLE "integrations"."notification_departments" (
        "department_id" uuid PRIMARY KEY,
        "tenant_id" uuid NOT NULL,
        "name" text NOT NULL,
        "head_id" uuid,
        "member_ids" uuid[] NOT NULL DEFAULT '{}'
      )`,
      `CREATE TABLE "integrations"."notification_settings" (
        "person_id" uuid PRIMARY KEY,
        "tenant_id" uuid NOT NULL,
        "order_transferred" boolean NOT NULL DEFAULT true,
        "inquiry_assigned" boolean NOT NULL DEFAULT true
      )`,
      `CREATE TABLE "integrations"."notification_templates" (
        "tenant_id" uuid NOT NULL,
        "kind" text NOT NULL,
        "language" text NOT NULL,
        "subject" text NOT NULL,
        "text" text NOT NULL,
        "html" text NOT NULL,
        PRIMARY KEY ("tenant_id", "kind", "language")
      )`,
      `CREATE TABLE "integrations"."notifications" (
        "id" uuid PRIMARY KEY,
        "seq" bigserial NOT NULL UNIQUE,
        "tenant_id" uuid NOT NULL,
        "kind" text NOT NULL,
        "event_id" uuid NOT NULL,
        "recipient_id" uuid NOT NULL,
        "recipient_kind" text NOT NULL CHECK ("recipient_kind" IN ('employee', 'contact')),
        "context" jsonb NOT NULL,
        "email" text,
        "subject" text,
        "status" text NOT NULL DEFAULT 'pending' CHECK ("status" IN ('pending', 'sent', 'failed', 'skipped')),
        "attempts" integer NOT NULL DEFAULT 0,
        "reason" text,
        "next_attempt_at" timestamptz,
        "sent_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "notifications_event_recipient_key" UNIQUE ("event_id", "recipient_id")
      )`,
      `CREATE INDEX "notifications_due_idx" ON "integrations"."notifications" ("next_attempt_at") WHERE "status" = 'pending'`,
      `CREATE INDEX "notifications_log_idx" ON "integrations"."notifications" ("tenant_id", "recipient_id", "seq")`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'notifications',
      'notification_templates',
      'notification_settings',
      'notification_departments',
      'notification_orders',
      'notification_statuses',
      'notification_people',
      'notification_tenants',
    ]) {
      await queryRunner.query(`DROP TABLE "integrations"."${table}"`);
    }
  }
}
