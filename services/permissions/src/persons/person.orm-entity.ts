import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Read model of identity's people: only what a decision needs (exists, kind, deleted). */
@Entity({ name: 'persons' })
export class PersonOrmEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('uuid', { name: 'person_id' }) personId!: string;
  @Column('text') kind!: 'employee' | 'contact';
  @Column('timestamptz', { name: 'deleted_at', nullable: true }) deletedAt!: Date | null;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
