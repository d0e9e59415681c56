import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read models (employees with presence, branches, reception mode and load; rights holders; contacts),
 * tenant chat settings, conversations with participants and messages, inquiries and their stored
 * routing decisions. Every table leads with tenant_id.
 */
export class CreateChatsAndRouting1733100000000 implements MigrationInterface {
  name = 'CreateChatsAndRouting1733100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // One row per employee, filled by identity (name, deleted, presence) and directory (branches)
    // events in whatever order they arrive; `full_name` is null until identity's event is seen.
    await queryRunner.query(`
      CREATE TABLE "inquiries"."employees" (
        "tenant_id" uuid NOT NULL,
        "person_id" uuid NOT NULL,
        "full_name" text,
        "deleted_at" timestamptz,
        "online" boolean NOT NULL DEFAULT false,
        "presence_at" timestamptz,
        "main_branch_id" uuid,
        "additional_branch_ids" uuid[] NOT NULL DEFAULT '{}',
        "all_branches" boolean NOT NULL DEFAULT false,
        "branches_at" timestamptz,
        "mode" text NOT NULL DEFAULT 'nobody' CHECK ("mode" IN ('nobody', 'own_clients', 'my_branches', 'anyone')),
        "mode_set_by" uuid,
        "mode_set_at" timestamptz,
        "open_inquiries" integer NOT NULL DEFAULT 0 CHECK ("open_inquiries" >= 0),
        "last_assigned_at" timestamptz,
        PRIMARY KEY ("tenant_id", "person_id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "inquiries"."right_holders" (
        "tenant_id" uuid NOT NULL,
        "right" text NOT NULL,
        "person_id" uuid NOT NULL,
        PRIMARY KEY ("tenant_id", "right", "person_id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "inquiries"."tenant_rights" (
        "tenant_id" uuid PRIMARY KEY,
        "policy_version" bigint NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE "inquiries"."contacts" (
        "tenant_id" uuid NOT NULL,
        "contact_id" uuid NOT NULL,
        "full_name" text NOT NULL,
        "responsible_employee_id" uuid,
        "branch_id" uuid,
        "portal_person_id" uuid,
        "at" timestamptz NOT NULL,
        PRIMARY KEY ("tenant_id", "contact_id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "contacts_portal_idx" ON "inquiries"."contacts" ("tenant_id", "portal_person_id") WHERE "portal_person_id" IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE "inquiries"."chat_settings" (
        "tenant_id" uuid PRIMARY KEY,
        "client_employee_chats" boolean NOT NULL DEFAULT true,
        "client_group_chats" boolean NOT NULL DEFAULT true,
        "inquiries" boolean NOT NULL DEFAULT true,
        "sticky_release_minutes" integer CHECK ("sticky_release_minutes" > 0),
        "use_work_schedules" boolean NOT NULL DEFAULT false,
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE "inquiries"."conversations" (
        "id" uuid PRIMARY KEY,
        "tenant_id" uuid NOT NULL,
        "kind" text NOT NULL CHECK ("kind" IN ('internal', 'client_employee', 'client_group', 'inquiry')),
        "title" text,
        "branch_id" uuid,
        "created_by" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "last_message_at" timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX "conversations_tenant_idx" ON "inquiries"."conversations" ("tenant_id", "id")`);
    await queryRunner.query(`
      CREATE TABLE "inquiries"."participants" (
        "tenant_id" uuid NOT NULL,
        "conversation_id" uuid NOT NULL REFERENCES "inquiries"."conversations" ("id") ON DELETE CASCADE,
        "participant_id" uuid NOT NULL,
        "participant_kind" text NOT NULL CHECK ("participant_kind" IN ('employee', 'contact')),
        "joined_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("conversation_id", "participant_id")
      )`);
    await queryRunner.query(`CREATE INDEX "participants_person_idx" ON "inquiries"."participants" ("tenant_id", "participant_id")`);
    await queryRunner.query(`
      CREATE TABLE "inquiries"."messages" (
        "id" uuid PRIMARY KEY,
        "tenant_id" uuid NOT NULL,
        "conversation_id" uuid NOT NULL REFERENCES "inquiries"."conversations" ("id") ON DELETE CASCADE,
        "author_id" uuid NOT NULL,
        "author_kind" text NOT NULL CHECK ("author_kind" IN ('employee', 'contact')),
        "text" text NOT NULL CHECK (length("text") BETWEEN 1 AND 4000),
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    // Read marks of anyone who sees a conversation (participants, the assignee, chat administrators).
    await queryRunner.query(`
      CREATE TABLE "inquiries"."read_marks" (
        "tenant_id" uuid NOT NULL,
        "conversation_id" uuid NOT NULL REFERENCES "inquiries"."conversations" ("id") ON DELETE CASCADE,
        "reader_id" uuid NOT NULL,
        "last_read_message_id" uuid NOT NULL,
        PRIMARY KEY ("conversation_id", "reader_id")
      )`);
    await queryRunner.query(`CREATE INDEX "messages_conversation_idx" ON "inquiries"."messages" ("conversation_id", "id")`);
    await queryRunner.query(`
      CREATE TABLE "inquiries"."inquiries" (
        "id" uuid PRIMARY KEY REFERENCES "inquiries"."conversations" ("id") ON DELETE CASCADE,
        "tenant_id" uuid NOT NULL,
        "contact_id" uuid NOT NULL,
        "branch_id" uuid,
        "status" text NOT NULL CHECK ("status" IN ('waiting', 'assigned', 'closed')),
        "assignee_id" uuid,
        "assigned_at" timestamptz,
        "waiting_since" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "closed_at" timestamptz,
        CHECK (("status" = 'assigned') = ("assignee_id" IS NOT NULL) OR "status" = 'closed')
      )`);
    // One open inquiry per client: a client's further messages join it (and its assignee keeps it).
    await queryRunner.query(
      `CREATE UNIQUE INDEX "inquiries_open_per_contact_uq" ON "inquiries"."inquiries" ("tenant_id", "contact_id") WHERE "status" <> 'closed'`,
    );
    await queryRunner.query(
      `CREATE INDEX "inquiries_queue_idx" ON "inquiries"."inquiries" ("tenant_id", "waiting_since", "id") WHERE "status" = 'waiting'`,
    );
    await queryRunner.query(
      `CREATE INDEX "inquiries_assignee_idx" ON "inquiries"."inquiries" ("tenant_id", "assignee_id") WHERE "status" = 'assigned'`,
    );
    await queryRunner.query(`
      CREATE TABLE "inquiries"."routing_decisions" (
        "id" uuid PRIMARY KEY,
        "tenant_id" uuid NOT NULL,
        "inquiry_id" uuid NOT NULL REFERENCES "inquiries"."inquiries" ("id") ON DELETE CASCADE,
        "trigger" text NOT NULL,
        "outcome" text NOT NULL,
        "assignee_id" uuid,
        "reason" text NOT NULL,
        "released" jsonb,
        "candidates" jsonb NOT NULL,
        "decided_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX "routing_decisions_inquiry_idx" ON "inquiries"."routing_decisions" ("tenant_id", "inquiry_id", "id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'routing_decisions',
      'inquiries',
      'read_marks',
      'messages',
      'participants',
      'conversations',
      'chat_settings',
      'contacts',
      'tenant_rights',
      'right_holders',
      'employees',
    ]) {
      await queryRunner.query(`DROP TABLE "inquiries"."${table}"`);
    }
  }
}
