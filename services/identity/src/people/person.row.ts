import type { PersonKind } from '@warden/contracts';

/** One row of `persons` as the driver returns it. */
export interface PersonRow {
  id: string;
  tenant_id: string;
  kind: PersonKind;
  last_name: string;
  first_name: string;
  middle_name: string | null;
  phone: string | null;
  position: string | null;
  email: string;
  password_hash: string | null;
  access_enabled: boolean;
  last_login_at: Date | null;
  last_seen_at: Date | null;
  presence: 'online' | 'offline';
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
  version: number;
  sort_name: string;
}
