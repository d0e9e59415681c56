import type { Right } from '../rights';

/**
 * Who holds some rights, in one answer — for services that decide about many people at once (the
 * inquiries router considers every employee for every new inquiry; one `permissions.check` per
 * candidate would be a thousand round trips). The rules are the check's own (personal deny, login
 * bars, personal allow, groups); deleted people hold nothing.
 */
export interface RightsHoldersData {
  rights: Right[];
  /** Only these people (the ones a policy change affected); omitted or null: everyone in the tenant. */
  personIds?: string[] | null;
}

export interface RightsHolders {
  /** The tenant's policy version the answer was computed under. */
  policyVersion: number;
  /** Every requested right, with the people (of `personIds`, if given) who hold it. */
  holders: Record<string, string[]>;
}

/** A person the sign-in would refuse by the rules of the permissions service, and why. */
export interface SignInRefusalEntry {
  personId: string;
  code: string;
  reason: string;
}

export interface RightsHoldersRpc {
  'permissions.rights.holders': { request: RightsHoldersData; response: RightsHolders };
  /** Known, not deleted people of the tenant (or of `personIds`) whose `auth.login` is refused. */
  'permissions.sign-in.refusals': { request: { personIds?: string[] | null }; response: SignInRefusalEntry[] };
}
