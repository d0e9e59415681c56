import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An employee can turn off the emails automation rules send it (on until turned off, as the other kinds). */
export class AddAutomationNotifySetting1735200000000 implements MigrationInterface {
  name = 'AddAutomationNotifySetting1735200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "integrations"."notification_settings" ADD COLUMN "automation_notify" boolean NOT NULL DEFAULT true`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "integrations"."notification_settings" DROP COLUMN "automation_notify"`);
  }
}
