import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Task workflows' explicit transitions with their grants, tasks with participants and history,
 * projects and templates with their defaults, and two read models: people (identity's employees
 * and contacts: who may be a participant, and of which kind) and companies (directory's, for
 * a project's counterparty).
 */
export class CreateTasks1733600000000 implements MigrationInterface {
  name = 'CreateTasks1733600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Grants are read and written with their transition only: one jsonb value
    // {roles: [{role, kind}], groupIds: [], personIds: []}, validated by the service.
    await queryRunner.query(`
      CREATE TABLE "workflow"."transitions" (
        "id" uuid PRIMARY KEY,
        "tenant_id" uuid NOT NULL,
        "workflow_id" uuid NOT NULL REFERENCES "workflow"."workflows" ("id"),
        "from_status_id" uuid NOT NULL REFERENCES "workflow"."statuses" ("id") ON DELETE CASCADE,
        "to_status_id" uuid NOT NULL REFERENCES "workflow"."statuses" ("id") ON DELETE CASCADE,
        "grants" jsonb NOT NULL,
        "position" integer NOT NULL,
        CONSTRAINT "transitions_pair_uq" UNIQUE ("workflow_id", "from_status_id", "to_status_id")
      )`);
    await queryRunner.query(`CREATE INDEX "transitions_from_idx" ON "workflow"."transitions" ("tenant_id", "from_status_id")`);
    await queryRunner.query(`
      CREATE TABLE "workflow"."people" (
        "tenant_id" uuid NOT NULL,
        "person_id" uuid NOT NULL,
        "kind" text NOT NULL CHECK ("kind" IN ('employee', 'contact')),
        "deleted_at" timestamptz,
        "source_time" timestamptz NOT NULL,
        PRIMARY KEY ("tenant_id", "person_id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "workflow"."companies" (
        "tenant_id" uuid NOT NULL,
        "company_id" uuid NOT NULL,
        "name" text NOT NULL,
        "source_time" timestamptz NOT NULL,
        PRIMARY KEY ("tenant_id", "company_id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "workflow"."projects" (
        "id" uuid PRIMARY KEY,
        "tenant_id" uuid NOT NULL,
        "name" text NOT NULL,
        "counterparty_company_id" uuid,
        "default_auditors" jsonb NOT NULL DEFAULT '[]',
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX "projects_tenant_idx" ON "workflow"."projects" ("tenant_id", "name", "id")`);
    await queryRunner.query(`
      CREATE TABLE "workflow"."templates" (
        "id" uuid PRIMARY KEY,
        "tenant_id" uuid NOT NULL,
        "name" text NOT NULL,
        "workflow_id" uuid NOT NULL REFERENCES "workflow"."workflows" ("id"),
        "initial_status_id" uuid NOT NULL REFERENCES "workflow"."statuses" ("id"),
        "default_participants" jsonb NOT NULL DEFAULT '[]',
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX "templates_tenant_idx" ON "workflow"."templates" ("tenant_id", "name", "id")`);
    await queryRunner.query(`
      CREATE TABLE "workflow"."tasks" (
        "id" uuid PRIMARY KEY,
        "tenant_id" uuid NOT NULL,
        "title" text NOT NULL,
        "description" text NOT NULL DEFAULT '',
        "project_id" uuid REFERENCES "workflow"."projects" ("id"),
        "template_id" uuid REFERENCES "workflow"."templates" ("id"),
        "workflow_id" uuid NOT NULL REFERENCES "workflow"."workflows" ("id"),
        "status_id" uuid NOT NULL REFERENCES "workflow"."statuses" ("id"),
        "version" integer NOT NULL DEFAULT 1,
        "created_by" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        "closed_at" timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX "tasks_tenant_id_idx" ON "workflow"."tasks" ("tenant_id", "id")`);
    await queryRunner.query(`
      CREATE TABLE "workflow"."task_participants" (
        "tenant_id" uuid NOT NULL,
        "task_id" uuid NOT NULL REFERENCES "workflow"."tasks" ("id"),
        "person_id" uuid NOT NULL,
        "kind" text NOT NULL CHECK ("kind" IN ('employee', 'contact')),
        "role" text NOT NULL CHECK ("role" IN ('assigner', 'assignee', 'auditor')),
        PRIMARY KEY ("task_id", "person_id", "role")
      )`);
    // "Tasks I take part in", newest first: the list's visibility filter starts here.
    await queryRunner.query(
      `CREATE INDEX "task_participants_person_idx" ON "workflow"."task_participants" ("tenant_id", "person_id", "task_id")`,
    );
    await queryRunner.query(`
      CREATE TABLE "workflow"."task_history" (
        "id" uuid PRIMARY KEY,
        "task_id" uuid NOT NULL REFERENCES "workflow"."tasks" ("id"),
        "tenant_id" uuid NOT NULL,
        "from_status_id" uuid,
        "from_status_name" text,
        "to_status_id" uuid NOT NULL,
        "to_status_name" text NOT NULL,
        "actor_id" uuid,
        "actor_roles" text[] NOT NULL DEFAULT '{}',
        "actor_kind" text,
        "at" timestamptz NOT NULL DEFAULT now(),
        "decision" jsonb
      )`);
    await queryRunner.query(`CREATE INDEX "task_history_task_idx" ON "workflow"."task_history" ("tenant_id", "task_id", "id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['task_history', 'task_participants', 'tasks', 'templates', 'projects', 'companies', 'people', 'transitions']) {
      await queryRunner.query(`DROP TABLE "workflow"."${table}"`);
    }
  }
}
