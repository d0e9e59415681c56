import type { DecisionStep, ProjectScope } from '@warden/contracts';
import type { ScopeFacts, ScopeFailure } from './order-visibility.policy';

/** Pure rules for a client's projects and templates; no framework, no database. */

/** What the rule needs of a project: its client company and the people it names as default auditors. */
export interface ProjectPlacement {
  counterpartyCompanyId: string | null;
  auditorIds: readonly string[];
}

/**
 * Whether the person sees a project: an employee every one; a contact the projects whose
 * counterparty is its company, or that name it a default auditor (it takes part in them). Appends
 * the deciding step; null when visible.
 */
export function checkProject(personId: string, project: ProjectPlacement, facts: ScopeFacts, steps: DecisionStep[]): ScopeFailure | null {
  if (facts.kind !== 'contact') {
    steps.push({ rule: 'project.client', effect: 'allow', detail: 'Employees see every project' });
    return null;
  }
  if (facts.companyId !== null && project.counterpartyCompanyId === facts.companyId) {
    steps.push({
      rule: 'project.client',
      effect: 'allow',
      detail: `The project's counterparty is the contact's company ${facts.companyId}`,
    });
    return null;
  }
  if (project.auditorIds.includes(personId)) {
    steps.push({ rule: 'project.client', effect: 'allow', detail: 'The contact is a default auditor of the project' });
    return null;
  }
  steps.push({
    rule: 'project.client',
    effect: 'deny',
    detail: project.counterpartyCompanyId
      ? "A contact sees only its own company's projects and those it audits; this project's counterparty is another company"
      : "A contact sees only its own company's projects and those it audits; this project has no counterparty",
  });
  return { code: 'PROJECT.NOT_OWN', reason: "Clients see only their own company's projects" };
}

/**
 * Whether the person sees a template: an employee every one; a contact those naming no contact
 * outside its company (a template naming only employees is the firm's own form, for every client).
 * `namedContacts` are the template's contact participants with their companies.
 */
export function checkTemplate(
  personId: string,
  namedContacts: ReadonlyArray<{ contactId: string; companyId: string | null }>,
  facts: ScopeFacts,
  steps: DecisionStep[],
): ScopeFailure | null {
  if (facts.kind !== 'contact') {
    steps.push({ rule: 'template.client', effect: 'allow', detail: 'Employees see every template' });
    return null;
  }
  const foreign = namedContacts.filter(
    (named) => named.contactId !== personId && (facts.companyId === null || named.companyId !== facts.companyId),
  );
  if (foreign.length === 0) {
    steps.push({
      rule: 'template.client',
      effect: 'allow',
      detail:
        namedContacts.length === 0
          ? 'The template names no contact: a form of the firm for every client'
          : "Every contact the template names is of the contact's company",
    });
    return null;
  }
  steps.push({ rule: 'template.client', effect: 'deny', detail: `The template names ${foreign.length} contact(s) of another company` });
  return { code: 'TEMPLATE.NOT_OWN', reason: "Clients see only the firm's templates and their own company's" };
}

/** The same rules as a list filter (applied in SQL by the workflow service). */
export function projectScopeOf(personId: string, facts: ScopeFacts, companyContactIds: readonly string[]): ProjectScope {
  if (facts.kind !== 'contact') return { contactId: null, companyId: null, companyContactIds: [] };
  return { contactId: personId, companyId: facts.companyId, companyContactIds: [...new Set([personId, ...companyContactIds])] };
}

/**
 * Whether the person may name someone as a participant of a task (which shows that person the
 * task): an employee anyone; a contact employees, itself and contacts of its own company, never a
 * contact of another client. `target` is the named person's kind and company as far as known.
 */
export function checkParticipant(
  personId: string,
  target: { personId: string; kind: 'employee' | 'contact' | null; companyId: string | null },
  facts: ScopeFacts,
  steps: DecisionStep[],
): ScopeFailure | null {
  if (facts.kind !== 'contact') {
    steps.push({ rule: 'task.participant-client', effect: 'allow', detail: 'Employees may name anyone' });
    return null;
  }
  if (target.personId === personId || target.kind !== 'contact') {
    steps.push({
      rule: 'task.participant-client',
      effect: 'allow',
      detail: target.personId === personId ? 'The contact names itself' : 'The named person is not a contact',
    });
    return null;
  }
  if (facts.companyId !== null && target.companyId === facts.companyId) {
    steps.push({
      rule: 'task.participant-client',
      effect: 'allow',
      detail: `The named contact is of the contact's company ${facts.companyId}`,
    });
    return null;
  }
  steps.push({
    rule: 'task.participant-client',
    effect: 'deny',
    detail: 'The named person is a contact of another client (or of no company)',
  });
  return { code: 'TASK.PARTICIPANT_OTHER_CLIENT', reason: 'Clients may name only employees and contacts of their own company' };
}
