import type { Right } from './rights';

/**
 * Actions on a resource that are not rights of the catalog, each with the catalog right it needs
 * first. The permissions service evaluates that right before the resource's rule, so a check and an
 * explanation of the same action take the same steps (services/permissions/src/check/check.service.ts).
 */
export const RESOURCE_ACTIONS = {
  'task.read': 'tasks.read',
  'task.change-status': 'tasks.read',
  'task.name-participant': 'tasks.create',
  'task.start': 'tasks.create',
  'project.read': 'tasks.create',
  'template.read': 'tasks.create',
  // Signed-in people only; the `equipment` rule then asks employees for `directory.read` and limits a client to its company.
  'equipment.read': 'auth.login',
  // Chats and inquiries: any signed-in person may ask; the `conversation` and `inquiry` rules decide who sees
  // what (participants, the assignee, chat administrators of the branch) and who may close or reassign.
  'conversation.see': 'auth.login',
  'conversation.post': 'auth.login',
  'inquiry.see': 'auth.login',
  'inquiry.post': 'auth.login',
  'inquiry.reassign': 'auth.login',
  'inquiry.close': 'auth.login',
  'inquiry.assign-branch': 'auth.login',
} as const satisfies Record<string, Right>;

export type ResourceAction = keyof typeof RESOURCE_ACTIONS;

export function isResourceAction(value: unknown): value is ResourceAction {
  return typeof value === 'string' && Object.hasOwn(RESOURCE_ACTIONS, value);
}
