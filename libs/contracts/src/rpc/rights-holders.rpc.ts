import { IsArray, IsIn, IsOptional } from 'class-validator';
import { RIGHT_NAMES } from '../rights';
import type { Right } from '../rights';
import type { RpcRequestContracts } from './rpc-request.contract';
import { IsId } from './request-fields';

/**
 * Who holds some rights, in one answer — for services that decide about many people at once (the
 * inquiries router considers every employee for every new inquiry; one `permissions.check` per
 * candidate would be a thousand round trips). The rules are the check's own (personal deny, login
 * bars, personal allow, groups); deleted people hold nothing.
 */
export class RightsHoldersData {
  @IsArray() @IsIn(RIGHT_NAMES, { each: true, message: 'each value must be a right of the catalog' }) rights!: Right[];
  /** Only these people (the ones a policy change affected); omitted or null: everyone in the tenant. */
  @IsOptional() @IsArray() @IsId({ each: true }) personIds?: string[] | null;
}

export class SignInRefusalsData {
  /** Only these people; omitted or null: everyone in the tenant. */
  @IsOptional() @IsArray() @IsId({ each: true }) personIds?: string[] | null;
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
  'permissions.sign-in.refusals': { request: SignInRefusalsData; response: SignInRefusalEntry[] };
}

export const RIGHTS_HOLDERS_RPC_REQUESTS: RpcRequestContracts<RightsHoldersRpc> = {
  'permissions.rights.holders': RightsHoldersData,
  'permissions.sign-in.refusals': SignInRefusalsData,
};
