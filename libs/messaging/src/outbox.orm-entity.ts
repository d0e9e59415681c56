import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { CloudEvent } from '@warden/contracts';

/** An event waiting to be (or already) published; lives in the owning service's own schema. */
@Entity({ name: 'outbox' })
@Index('outbox_unpublished_idx', ['id'], { where: 'published_at IS NULL' })
export class OutboxOrmEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') subject!: string;
  @Column('text') type!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('jsonb') event!: CloudEvent;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
  @Column('timestamptz', { name: 'published_at', nullable: true }) publishedAt!: Date | null;
}
