import type { OrderScope } from './workflow.rpc';

/**
 * What a permission change would do before it is made (`POST /permissions/preview`): which change it
 * previews, named by the route it would go through (the body is exactly that route's body).
 */
export const PREVIEW_KINDS = [
  'person-status-access',
  'group-status-access',
  'group',
  'person-right',
  'group-members-add',
  'group-member-remove',
  'department',
] as const;
export type PreviewKind = (typeof PREVIEW_KINDS)[number];

/** The kinds the preview answers today; the others answer 422 naming `kind`. */
export const SUPPORTED_PREVIEW_KINDS: readonly PreviewKind[] = [
  'person-status-access',
  'group-status-access',
  'group-members-add',
  'group-member-remove',
  'group',
  'person-right',
];

/** Why a kind is refused (422 on `kind`), said the same by the gateway and the permissions service. */
export function unsupportedPreviewKind(kind: string): string {
  return `previewing '${kind}' is not supported yet (supported: ${SUPPORTED_PREVIEW_KINDS.join(', ')})`;
}

/** Orders one side of a change sees and the other does not: how many, per status, and the newest few ids. */
export interface SightDelta {
  total: number;
  byStatus: Array<{ statusId: string; count: number }>;
  /** Up to 10 ids, newest first (the order of the lists). */
  sample: string[];
}

export interface PreviewAction {
  /** A right of the catalog, `order.status.set` (with the status) or `order.closed.change`. */
  action: string;
  statusId?: string;
}

export interface PersonPreview {
  personId: string;
  orders: { lose: SightDelta; gain: SightDelta };
  tasks: { lose: SightDelta; gain: SightDelta };
  actions: { lose: PreviewAction[]; gain: PreviewAction[] };
}

export interface PermissionPreview {
  /** The policy version the preview was computed on; a preview never changes it. */
  policyVersion: number;
  /** Only people whose sight or actions change. */
  people: PersonPreview[];
}

/** The list filter of orders, as `workflow.orders.list` takes it (statuses seen plus the department / client scope). */
export interface OrderSight {
  statusIds: string[];
  scope: OrderScope;
}

export interface PermissionPreviewRpc {
  /** `change` is the previewed route's body, already validated by the gateway against that route's DTO. */
  'permissions.preview': { request: { kind: PreviewKind; targetId: string; change: unknown }; response: PermissionPreview };
  /**
   * For each pair, the orders seen under `before` and not under `after` (lose) and the reverse (gain),
   * counted in SQL under the same filter as the order lists.
   */
  'workflow.orders.sight-diff': {
    request: { pairs: Array<{ before: OrderSight; after: OrderSight }> };
    response: Array<{ lose: SightDelta; gain: SightDelta }>;
  };
}
