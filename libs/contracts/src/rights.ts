/**
 * The one catalog of rights. Rights are capabilities ("may manage staff"); what a person sees of a
 * particular order, task or inquiry is decided by the resource rules on top of them.
 * The permissions service is the authority that evaluates them; the gateway names one per route
 * (`@SignedIn()` for `auth.login`: routes every signed-in person may call). Each description says
 * everything its right guards: it is shown to administrators and quoted in refusals.
 */
export const RIGHTS = {
  'auth.login':
    'Sign in and use what every signed-in person may (its own profile, schedule and session, chats and inquiries, equipment). Barring a group from login takes this away from all its members.',
  'staff.read': 'See the staff registry.',
  'staff.manage': 'Create, change, delete employees and grant them login access.',
  'groups.manage': 'Create and change groups, their rights and members; grant or deny single rights to people.',
  'permissions.manage': 'Set per-status access levels and the closed-order flag.',
  'permissions.explain': 'Ask why a person may or may not do something.',
  'workflows.manage': 'Create and change workflows and their statuses.',
  'orders.read': 'See orders and comment on them (further limited by status access levels).',
  'orders.create': 'Create orders.',
  'orders.update': 'Change orders: their fields, and their status where the status access levels allow.',
  'orders.transfer': 'Transfer an order to another department it can see.',
  'orders.transfer-anywhere': 'Transfer an order to any department.',
  'departments.all': 'See items of every department.',
  'branches.all': 'Access every branch.',
  'directory.read': 'See branches, departments, contacts and companies.',
  'directory.manage': 'Change branches, departments, channels, contacts and companies.',
  'tasks.read':
    'See tasks and move them along the transitions their workflow grants (further limited to tasks one takes part in, or of its departments).',
  'tasks.create':
    'Create tasks, change those one sees (title, description, participants), and see the projects and templates tasks start from.',
  'tasks.read-department': 'See every task of its departments.',
  'tasks.read-all': 'See every task of the tenant (employees only).',
  'chats.internal':
    'Start chats, internal and with clients (employees only; the Employee group has it, so nothing is set up: remove it from a group or deny it to a person to take it away).',
  'inquiries.assignable': 'Can be assigned client inquiries.',
  'inquiries.own-reception': 'May set its own reception mode.',
  'inquiries.admin': 'Chat administrator: sees, answers and reassigns inquiries of its branches.',
  'inquiries.assign-other-branches': 'May reassign an inquiry to an employee of a branch it cannot access.',
  'integrations.manage':
    'Create and change webhook endpoints, see their delivery log, redeliver and replay events; see the email notification log and set the notification templates.',
  'automation.manage':
    'Create, change and dry-run automation rules; each rule acts on orders only as far as its owner may at the time it runs.',
  'audit.read': 'See the audit log: who changed which administrative setting, when, and its values before and after.',
} as const;

export type Right = keyof typeof RIGHTS;

export const RIGHT_NAMES = Object.keys(RIGHTS) as Right[];

export function isRight(value: unknown): value is Right {
  return typeof value === 'string' && Object.hasOwn(RIGHTS, value);
}

/** The groups every tenant starts with, and their rights. */
export const DEFAULT_GROUPS: ReadonlyArray<{ key: 'administrator' | 'employee' | 'client'; name: string; rights: Right[] }> = [
  { key: 'administrator', name: 'Administrator', rights: RIGHT_NAMES },
  {
    key: 'employee',
    name: 'Employee',
    rights: [
      'auth.login',
      'staff.read',
      'orders.read',
      'orders.create',
      'orders.update',
      'orders.transfer',
      'directory.read',
      'tasks.read',
      'tasks.create',
      'chats.internal',
      'inquiries.assignable',
      'inquiries.own-reception',
    ],
  },
  { key: 'client', name: 'Client', rights: ['auth.login', 'orders.read', 'orders.create', 'tasks.read', 'tasks.create'] },
];
