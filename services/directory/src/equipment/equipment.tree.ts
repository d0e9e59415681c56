import type { EquipmentTreeNode, EquipmentView } from '@warden/contracts';

/** Nests a company's flat node list under their parents; input order (by name) is kept among siblings. */
export function buildTree(nodes: EquipmentView[]): EquipmentTreeNode[] {
  const byId = new Map<string, EquipmentTreeNode>(nodes.map((node) => [node.id, { ...node, children: [] }]));
  const roots: EquipmentTreeNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}
