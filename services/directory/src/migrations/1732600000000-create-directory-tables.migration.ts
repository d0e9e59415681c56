import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Branches, departments, channels, contacts, companies, equipment, the inbound-message log and the
 * employee read model. Every table is tenant-scoped, and references carry the tenant in a composite
 * foreign key, so a row can never point at another tenant's row even if a check above were missed.
 */
export class CreateDirectoryTables1732600000000 implements MigrationInterface {
  name = 'CreateDirectoryTables1732600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      // Identity's employees as far as the directory needs them: to refuse ids that are not employees of the tenant.
      `CREATE TABLE "directory"."employees" (
        "tenant_id" uuid NOT NULL,
        "person_id" uuid NOT NULL,
        "kind" text NOT NULL,
        "full_name" text NOT NULL,
        "email" text NOT NULL,
        "deleted_at" timestamptz,
        "source_time" timestamptz NOT NULL,
        PRIMARY KEY ("tenant_id", "person_id")
      )`,
      `CREATE TABLE "directory"."branches" (
        "id" uuid PRIMARY KEY,
        "tenant_id" uuid NOT NULL,
        "name" text NOT NULL,
        "address" text,
        "time_zone" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "branches_tenant_id_key" UNIQUE ("tenant_id", "id")
      )`,
      `CREATE UNIQUE INDEX "branches_name_key" ON "directory"."branches" ("tenant_id", lower("name"))`,
      `CREATE TABLE "directory"."departments" (
        "id" uuid PRIMARY KEY,
        "tenant_id" uuid NOT NULL,
        "name" text NOT NULL,
        "head_id" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "departments_tenant_id_key" UNIQUE ("tenant_id", "id")
      )`,
      `CREATE UNIQUE INDEX "departments_name_key" ON "directory"."departments" ("tenant_id", lower("name"))`,
      `CREATE TABLE "directory"."department_members" (
        "tenant_id" uuid NOT NULL,
        "department_id" uuid NOT NULL,
        "person_id" uuid NOT NULL,
        "added_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("department_id", "person_id"),
        FOREIGN KEY ("tenant_id", "department_id") REFERENCES "directory"."departments" ("tenant_id", "id") ON DELETE CASCADE
      )`,
      `CREATE INDEX "department_members_person_idx" ON "directory"."department_members" ("tenant_id", "person_id")`,
      `CREATE TABLE "directory"."employee_branch_access" (
        "tenant_id" uuid NOT NULL,
        "person_id" uuid NOT NULL,
        "main_branch_id" uuid,
        "all_branches" boolean NOT NULL DEFAULT false,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("tenant_id", "person_id"),
        CONSTRAINT "employee_branch_access_main_fkey" FOREIGN KEY ("tenant_id", "main_branch_id")
          REFERENCES "directory"."branches" ("tenant_id", "id") ON DELETE RESTRICT
      )`,
      `CREATE TABLE "directory"."employee_additional_branches" (
        "tenant_id" uuid NOT NULL,
        "person_id" uuid NOT NULL,
        "branch_id" uuid NOT NULL,
        PRIMARY KEY ("tenant_id", "person_id", "branch_id"),
        FOREIGN KEY ("tenant_id", "person_id") REFERENCES "directory"."employee_branch_access" ("tenant_id", "person_id") ON DELETE CASCADE,
        CONSTRAINT "employee_additional_branches_branch_fkey" FOREIGN KEY ("tenant_id", "branch_id")
          REFERENCES "directory"."branches" ("tenant_id", "id") ON DELETE RESTRICT
      )`,
      `CREATE TABLE "directory"."channels" (
        "id" uuid PRIMARY KEY,
        "tenant_id" uuid NOT NULL,
        "kind" text NOT NULL CHECK ("kind" IN ('email', 'messenger', 'widget')),
        "address" text NOT NULL,
        "name" text NOT NULL,
        "department_id" uuid NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "channels_tenant_id_key" UNIQUE ("tenant_id", "id"),
        CONSTRAINT "channels_department_fkey" FOREIGN KEY ("tenant_id", "department_id")
          REFERENCES "directory"."departments" ("tenant_id", "id") ON DELETE RESTRICT
      )`,
      `CREATE UNIQUE INDEX "channels_address_key" ON "directory"."channels" ("tenant_id", "kind", lower("address"))`,
      `CREATE TABLE "directory"."companies" (
        "id" uuid PRIMARY KEY,
        "tenant_id" uuid NOT NULL,
        "name" text NOT NULL,
        "tax_id" text,
        "sort_name" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "companies_tenant_id_key" UNIQUE ("tenant_id", "id")
      )`,
      `CREATE UNIQUE INDEX "companies_tax_id_key" ON "directory"."companies" ("tenant_id", "tax_id") WHERE "tax_id" IS NOT NULL`,
      `CREATE INDEX "companies_sort_idx" ON "directory"."companies" ("tenant_id", "sort_name", "id")`,
      `CREATE TABLE "directory"."company_client_managers" (
        "tenant_id" uuid NOT NULL,
        "company_id" uuid NOT NULL,
        "person_id" uuid NOT NULL,
        PRIMARY KEY ("company_id", "person_id"),
        FOREIGN KEY ("tenant_id", "company_id") REFERENCES "directory"."companies" ("tenant_id", "id") ON DELETE CASCADE
      )`,
      `CREATE INDEX "company_client_managers_person_idx" ON "directory"."company_client_managers" ("tenant_id", "person_id")`,
      `CREATE TABLE "directory"."contacts" (
        "id" uuid PRIMARY KEY,
        "tenant_id" uuid NOT NULL,
        "last_name" text NOT NULL,
        "first_name" text NOT NULL,
        "middle_name" text,
        "sort_name" text NOT NULL,
        "email" text NOT NULL,
        "email_is_placeholder" boolean NOT NULL DEFAULT false,
        "phone" text,
        "phone_digits" text,
        "messenger_ids" jsonb NOT NULL DEFAULT '{}'::jsonb,
        "company_id" uuid,
        "status" text NOT NULL DEFAULT 'active' CHECK ("status" IN ('active', 'inactive', 'blocked')),
        "notifications" boolean NOT NULL DEFAULT true,
        "responsible_employee_id" uuid,
        "branch_id" uuid,
        "portal_person_id" uuid,
        "portal_access_requested_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "contacts_tenant_id_key" UNIQUE ("tenant_id", "id"),
        CONSTRAINT "contacts_company_fkey" FOREIGN KEY ("tenant_id", "company_id")
          REFERENCES "directory"."companies" ("tenant_id", "id") ON DELETE RESTRICT,
        CONSTRAINT "contacts_branch_fkey" FOREIGN KEY ("tenant_id", "branch_id")
          REFERENCES "directory"."branches" ("tenant_id", "id") ON DELETE RESTRICT
      )`,
      `CREATE UNIQUE INDEX "contacts_email_key" ON "directory"."contacts" ("tenant_id", lower("email"))`,
      `CREATE INDEX "contacts_sort_idx" ON "directory"."contacts" ("tenant_id", "sort_name", "id")`,
      `CREATE INDEX "contacts_company_idx" ON "directory"."contacts" ("tenant_id", "company_id")`,
      `CREATE INDEX "contacts_branch_idx" ON "directory"."contacts" ("tenant_id", "branch_id")`,
      `CREATE INDEX "contacts_responsible_idx" ON "directory"."contacts" ("tenant_id", "responsible_employee_id")`,
      `CREATE INDEX "contacts_messenger_idx" ON "directory"."contacts" USING gin ("messenger_ids" jsonb_path_ops)`,
      `CREATE TABLE "directory"."equipment" (
        "id" uuid PRIMARY KEY,
        "tenant_id" uuid NOT NULL,
        "company_id" uuid NOT NULL,
        "parent_id" uuid,
        "name" text NOT NULL,
        "kind" text,
        "serial_number" text,
        "location" text,
        "notes" text,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "equipment_company_id_key" UNIQUE ("tenant_id", "company_id", "id"),
        CONSTRAINT "equipment_company_fkey" FOREIGN KEY ("tenant_id", "company_id")
          REFERENCES "directory"."companies" ("tenant_id", "id") ON DELETE RESTRICT,
        -- A parent is always of the same tenant and the same company.
        CONSTRAINT "equipment_parent_fkey" FOREIGN KEY ("tenant_id", "company_id", "parent_id")
          REFERENCES "directory"."equipment" ("tenant_id", "company_id", "id") ON DELETE RESTRICT,
        CONSTRAINT "equipment_not_own_parent" CHECK ("parent_id" IS NULL OR "parent_id" <> "id")
      )`,
      `CREATE INDEX "equipment_company_idx" ON "directory"."equipment" ("tenant_id", "company_id")`,
      `CREATE INDEX "equipment_parent_idx" ON "directory"."equipment" ("parent_id")`,
      // One row per message a connector delivered: the (channel, external id) key makes a redelivery a no-op.
      `CREATE TABLE "directory"."inbound_messages" (
        "id" uuid PRIMARY KEY,
        "tenant_id" uuid NOT NULL,
        "channel_id" uuid NOT NULL,
        "external_id" text NOT NULL,
        "contact_id" uuid NOT NULL,
        "contact_created" boolean NOT NULL,
        "department_id" uuid NOT NULL,
        "subject" text,
        "received_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "inbound_messages_external_key" UNIQUE ("channel_id", "external_id"),
        CONSTRAINT "inbound_messages_channel_fkey" FOREIGN KEY ("tenant_id", "channel_id")
          REFERENCES "directory"."channels" ("tenant_id", "id") ON DELETE RESTRICT,
        FOREIGN KEY ("tenant_id", "contact_id") REFERENCES "directory"."contacts" ("tenant_id", "id") ON DELETE RESTRICT
      )`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'inbound_messages',
      'equipment',
      'contacts',
      'company_client_managers',
      'companies',
      'channels',
      'employee_additional_branches',
      'employee_branch_access',
      'department_members',
      'departments',
      'branches',
      'employees',
    ]) {
      await queryRunner.query(`DROP TABLE "directory"."${table}"`);
    }
  }
}
