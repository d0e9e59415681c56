import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'groups' })
export class GroupOrmEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('text') name!: string;
  @Column('text', { name: 'system_key', nullable: true }) systemKey!: string | null;
  @Column('text', { array: true }) rights!: string[];
  @Column('boolean', { name: 'login_barred' }) loginBarred!: boolean;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
