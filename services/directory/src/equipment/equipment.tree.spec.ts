import type { EquipmentView } from '@warden/contracts';
import { buildTree } from './equipment.tree';

const node = (id: string, parentId: string | null): EquipmentView => ({
  id,
  companyId: 'c',
  parentId,
  name: id,
  kind: null,
  serialNumber: null,
  location: null,
  notes: null,
  createdAt: '',
  updatedAt: '',
});

describe('buildTree', () => {
  it('nests children under their parents and keeps sibling order', () => {
    const tree = buildTree([node('a', null), node('b', 'a'), node('c', 'a'), node('d', 'c'), node('e', null)]);
    expect(tree.map((root) => root.id)).toEqual(['a', 'e']);
    expect(tree[0]!.children.map((child) => child.id)).toEqual(['b', 'c']);
    expect(tree[0]!.children[1]!.children.map((child) => child.id)).toEqual(['d']);
  });

  it('returns an empty forest for a company without equipment', () => {
    expect(buildTree([])).toEqual([]);
  });
});
