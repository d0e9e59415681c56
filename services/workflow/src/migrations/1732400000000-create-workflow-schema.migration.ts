import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createMessagingTables, dropMessagingTables } from '@warden/messaging';

export class CreateWorkflowSchema1732400000000 implements MigrationInterface {
  name = 'CreateWorkflowSchema1732400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createMessagingTables(queryRunner, 'workflow');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropMessagingTables(queryRunner, 'workflow');
  }
}
