import type { StatusInput } from '@warden/contracts';

/**
 * The order workflow every tenant starts with, suited to a repair shop: leads that managers work
 * before the customer comes in, then the workshop's own stages, then two closed outcomes.
 */
export const DEFAULT_ORDER_WORKFLOW: { name: string; statuses: StatusInput[] } = {
  name: 'Orders',
  statuses: [
    { name: 'New lead', color: '#9e9e9e', category: 'initial' },
    { name: 'Contacted', color: '#90a4ae', category: 'active' },
    { name: 'New', color: '#2196f3', category: 'initial' },
    { name: 'Diagnostics', color: '#673ab7', category: 'active' },
    { name: 'Waiting for parts', color: '#ff9800', category: 'active' },
    { name: 'In repair', color: '#3f51b5', category: 'active' },
    { name: 'Ready', color: '#4caf50', category: 'active' },
    { name: 'Closed', color: '#2e7d32', category: 'final' },
    { name: 'Cancelled', color: '#f44336', category: 'final' },
  ],
};

export const DEFAULT_STATUS_COLOR = '#9e9e9e';
