import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createMessagingTables, dropMessagingTables } from '@warden/messaging';

export class CreatePermissionsSchema1732400000000 implements MigrationInterface {
  name = 'CreatePermissionsSchema1732400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createMessagingTables(queryRunner, 'permissions');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropMessagingTables(queryRunner, 'permissions');
  }
}
