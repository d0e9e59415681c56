import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createMessagingTables, dropMessagingTables } from '@warden/messaging';

export class CreateInquiriesSchema1732400000000 implements MigrationInterface {
  name = 'CreateInquiriesSchema1732400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createMessagingTables(queryRunner, 'inquiries');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropMessagingTables(queryRunner, 'inquiries');
  }
}
