import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Employees' work schedules: one row per employee that ever had one. The schedule is one validated
 * document (time zone, weekly hours, exceptions by date), read and replaced whole; null once cleared.
 * `version` grows with every change so consumers of identity.schedule.changed.v1 keep the latest.
 */
export class CreateWorkSchedules1734100000000 implements MigrationInterface {
  name = 'CreateWorkSchedules1734100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "identity"."work_schedules" (
        "tenant_id" uuid NOT NULL,
        "person_id" uuid NOT NULL REFERENCES "identity"."persons" ("id"),
        "schedule" jsonb,
        "version" integer NOT NULL DEFAULT 1,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("tenant_id", "person_id")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "identity"."work_schedules"`);
  }
}
