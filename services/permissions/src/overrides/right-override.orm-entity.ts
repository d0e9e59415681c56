import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A single right granted or denied to one person, on top of its groups. */
@Entity({ name: 'right_overrides' })
export class RightOverrideOrmEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('uuid', { name: 'person_id' }) personId!: string;
  @PrimaryColumn('text') right!: string;
  @Column('text') effect!: 'allow' | 'deny';
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
