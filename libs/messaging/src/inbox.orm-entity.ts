import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per (event, consumer) already applied: a redelivered event finds its row and changes nothing. */
@Entity({ name: 'inbox' })
export class InboxOrmEntity {
  @PrimaryColumn('uuid', { name: 'event_id' }) eventId!: string;
  @PrimaryColumn('text') consumer!: string;
  @Column('text') type!: string;
  @Column('timestamptz', { name: 'handled_at', default: () => 'now()' }) handledAt!: Date;
}
