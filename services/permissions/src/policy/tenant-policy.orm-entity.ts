import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The tenant's policy version: bumped by every change that can alter a decision. */
@Entity({ name: 'tenant_policy' })
export class TenantPolicyOrmEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  /** bigint arrives as a string from pg; read it through PolicyVersions, which converts. */
  @Column('bigint') version!: string;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
