import { isUuid } from '@warden/kernel';
import { isRight } from '@warden/contracts';
import type { Right } from '@warden/contracts';
import { GroupErrors } from './groups.errors';

/** Input checks the service makes itself, whoever the caller is (the gateway validates too). */
export function validName(name: string): string {
  const trimmed = typeof name === 'string' ? name.trim() : '';
  if (trimmed.length < 1 || trimmed.length > 100) throw GroupErrors.nameInvalid();
  return trimmed;
}

export function validRights(rights: readonly unknown[]): Right[] {
  const unknown = rights.filter((right) => !isRight(right)).map(String);
  if (unknown.length > 0) throw GroupErrors.unknownRights(unknown);
  return [...new Set(rights as Right[])].sort();
}

export function validIds(field: string, ids: readonly unknown[], onBad: (field: string, ids: string[]) => Error): string[] {
  const bad = ids.filter((id) => !isUuid(id)).map(String);
  if (bad.length > 0) throw onBad(field, bad);
  return [...new Set(ids as string[])];
}
