import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tenants, people (staff and contacts) and sign-in sessions with their rotating refresh tokens. */
export class CreatePeopleAndSessions1732500000000 implements MigrationInterface {
  name = 'CreatePeopleAndSessions1732500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "identity"."tenants" (
        "id" uuid PRIMARY KEY,
        "slug" text NOT NULL,
        "name" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "tenants_slug_key" UNIQUE ("slug")
      )`);
    await queryRunner.query(`
      CREATE TABLE "identity"."persons" (
        "id" uuid PRIMARY KEY,
        "tenant_id" uuid NOT NULL REFERENCES "identity"."tenants" ("id"),
        "kind" text NOT NULL CHECK ("kind" IN ('employee', 'contact')),
        "last_name" text NOT NULL,
        "first_name" text NOT NULL,
        "middle_name" text,
        "phone" text,
        "position" text,
        "email" text NOT NULL CHECK ("email" = lower("email")),
        "password_hash" text,
        "access_enabled" boolean NOT NULL DEFAULT false,
        "last_login_at" timestamptz,
        "last_seen_at" timestamptz,
        "presence" text NOT NULL DEFAULT 'offline' CHECK ("presence" IN ('online', 'offline')),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        "deleted_at" timestamptz,
        "version" integer NOT NULL DEFAULT 1,
        -- The list order and cursor key: one comparable string, so pagination is (sort_name, id) > cursor.
        "sort_name" text GENERATED ALWAYS AS (lower("last_name" || ' ' || "first_name" || ' ' || coalesce("middle_name", ''))) STORED
      )`);
    // Emails are stored lower-cased; a soft-deleted person frees the address for a new one.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "persons_tenant_email_key" ON "identity"."persons" ("tenant_id", "email") WHERE "deleted_at" IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX "persons_tenant_list_idx" ON "identity"."persons" ("tenant_id", "kind", "sort_name", "id")`);
    await queryRunner.query(`CREATE INDEX "persons_tenant_phone_idx" ON "identity"."persons" ("tenant_id", "phone")`);
    await queryRunner.query(`CREATE INDEX "persons_online_idx" ON "identity"."persons" ("last_seen_at") WHERE "presence" = 'online'`);
    await queryRunner.query(`
      CREATE TABLE "identity"."sessions" (
        "id" uuid PRIMARY KEY,
        "tenant_id" uuid NOT NULL,
        "person_id" uuid NOT NULL REFERENCES "identity"."persons" ("id"),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "expires_at" timestamptz NOT NULL,
        "last_seen_at" timestamptz NOT NULL DEFAULT now(),
        "revoked_at" timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX "sessions_person_live_idx" ON "identity"."sessions" ("person_id") WHERE "revoked_at" IS NULL`);
    await queryRunner.query(`
      CREATE TABLE "identity"."refresh_tokens" (
        "id" uuid PRIMARY KEY,
        "session_id" uuid NOT NULL REFERENCES "identity"."sessions" ("id"),
        "tenant_id" uuid NOT NULL,
        "person_id" uuid NOT NULL,
        "token_hash" text NOT NULL,
        "parent_id" uuid REFERENCES "identity"."refresh_tokens" ("id"),
        "issued_at" timestamptz NOT NULL DEFAULT now(),
        "expires_at" timestamptz NOT NULL,
        "used_at" timestamptz,
        "revoked_at" timestamptz,
        CONSTRAINT "refresh_tokens_hash_key" UNIQUE ("token_hash")
      )`);
    await queryRunner.query(`CREATE INDEX "refresh_tokens_session_idx" ON "identity"."refresh_tokens" ("session_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "identity"."refresh_tokens"`);
    await queryRunner.query(`DROP TABLE "identity"."sessions"`);
    await queryRunner.query(`DROP TABLE "identity"."persons"`);
    await queryRunner.query(`DROP TABLE "identity"."tenants"`);
  }
}
