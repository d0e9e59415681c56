import { isRight } from './rights';
import type { Right } from './rights';

/**
 * Actions on a resource that are not rights of the catalog, each with the catalog right it needs
 * first. The permissions service evaluates that right before the resource's rule, so a check and an
 * explanation of the same action take the same steps (services/permissions/src/check/decision.evaluator.ts).
 */
export const RESOURCE_ACTIONS = {
  'task.read': 'tasks.read',
  // Moving a task is granted by the workflow's transitions to people who see it: no right of its own.
  'task.change-status': 'tasks.read',
  'task.name-participant': 'tasks.create',
  'task.start': 'tasks.create',
  'project.read': 'tasks.create',
  'template.read': 'tasks.create',
  // Signed-in people only; the `equipment` rule then asks employees for `directory.read` and limits a client to its company.
  'equipment.read': 'auth.login',
  // Chats and inquiries: any signed-in person may ask; the `conversation` and `inquiry` rules decide who sees
  // what (participants, the assignee, chat administrators of the branch) and who may close or reassign.
  // Starting a chat: the `conversation` rule asks employees for `chats.internal` and lets a client start only a
  // group chat with its classmates (services/permissions/src/chat-access/conversation-start.policy.ts).
  'conversation.start': 'auth.login',
  'conversation.see': 'auth.login',
  'conversation.post': 'auth.login',
  'inquiry.see': 'auth.login',
  'inquiry.post': 'auth.login',
  'inquiry.reassign': 'auth.login',
  'inquiry.close': 'auth.login',
  'inquiry.assign-branch': 'auth.login',
} as const satisfies Record<string, Right>;

/**
 * Rights of the catalog that act on an existing resource, with the right to see it: the gateway
 * reads the resource before acting on it (services/gateway/src/orders/order-access.service.ts,
 * 404 when that read is refused), so a decision about the action on a resource takes that step too
 * and explain never allows what the read would hide.
 */
export const READ_FIRST = {
  'orders.update': 'orders.read',
  'orders.transfer': 'orders.read',
} as const satisfies Partial<Record<Right, Right>>;

export type ResourceAction = keyof typeof RESOURCE_ACTIONS;

export function isResourceAction(value: unknown): value is ResourceAction {
  return typeof value === 'string' && Object.hasOwn(RESOURCE_ACTIONS, value);
}

/**
 * The catalog rights an action needs, in the order they are evaluated (each before the resource's
 * rule); null when the action is neither a right nor a resource action.
 */
export function rightsNeeded(action: string, onResource: boolean): [Right, ...Right[]] | null {
  if (isResourceAction(action)) return [RESOURCE_ACTIONS[action]];
  if (!isRight(action)) return null;
  const read = onResource && Object.hasOwn(READ_FIRST, action) ? READ_FIRST[action as keyof typeof READ_FIRST] : null;
  return read ? [action, read] : [action];
}
