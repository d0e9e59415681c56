import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Employees' work schedules, from identity.schedule.changed.v1: part of the routing roster (they change
 * rarely), evaluated against the decision's clock when the tenant routes by work schedules. Null: no
 * schedule (counts as inside). `schedule_version` keeps a late, older event from overwriting a newer one.
 */
export class AddEmployeeSchedules1734100000000 implements MigrationInterface {
  name = 'AddEmployeeSchedules1734100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "inquiries"."employees" ADD COLUMN "schedule" jsonb, ADD COLUMN "schedule_version" integer`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "inquiries"."employees" DROP COLUMN "schedule_version", DROP COLUMN "schedule"`);
  }
}
