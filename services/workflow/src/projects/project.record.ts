import type { ProjectInput, RequestContext } from '@warden/contracts';
import type { PeopleDirectory } from '../people/people.directory';
import type { CompanyCheck } from './company.check';
import { ProjectErrors } from './project.errors';
import type { ProjectRecord } from './project.repository';

/**
 * A project as stored: a name, its counterparty (checked by `company`, or null when it is the one already
 * stored) and its default auditors, each once, with their kind (employee or contact).
 */
export async function projectRecord(
  people: PeopleDirectory,
  company: CompanyCheck | null,
  ctx: RequestContext,
  id: string,
  input: ProjectInput,
): Promise<ProjectRecord> {
  if (!input.name) throw ProjectErrors.nameRequired();
  const companyId = input.counterpartyCompanyId ?? null;
  if (companyId && company) await company.require(ctx, companyId);
  const auditorIds = [...new Set(input.defaultAuditorIds ?? [])];
  const kinds = await people.kinds(
    ctx,
    (input.defaultAuditorIds ?? []).map((personId, index) => ({ personId, field: `defaultAuditorIds.${index}` })),
  );
  return {
    id,
    name: input.name,
    counterpartyCompanyId: companyId,
    defaultAuditors: auditorIds.map((personId) => ({ personId, kind: kinds.get(personId)! })),
  };
}
