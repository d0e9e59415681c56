import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'group_members' })
export class GroupMemberOrmEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('uuid', { name: 'group_id' }) groupId!: string;
  @PrimaryColumn('uuid', { name: 'person_id' }) personId!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
