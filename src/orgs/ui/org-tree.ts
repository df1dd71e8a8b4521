import type { Org } from '../orgs.schema.ts';

export interface OrgNode {
  org: Org;
  children: OrgNode[];
}

const KIND_ORDER: Record<Org['kind'], number> = {
  county: 0,
  county_hospital: 1,
  township_center: 2,
  community_center: 3,
  village_clinic: 4,
  partner_hospital: 5,
};

/** Parent links to a tree; orgs whose parent is not visible become roots (partner hospitals). */
export function buildOrgTree(orgs: readonly Org[]): OrgNode[] {
  const nodes = new Map(orgs.map((o) => [o.id, { org: o, children: [] as OrgNode[] }]));
  const roots: OrgNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.org.parentId === null ? undefined : nodes.get(node.org.parentId);
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: OrgNode[]) => {
    list.sort((a, b) => KIND_ORDER[a.org.kind] - KIND_ORDER[b.org.kind] || a.org.code.localeCompare(b.org.code));
    list.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}

/** The ids of an org and everything below it. */
export function subtreeIds(orgs: readonly Org[], rootId: number): Set<number> {
  const ids = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const o of orgs) {
      if (o.parentId !== null && ids.has(o.parentId) && !ids.has(o.id)) {
        ids.add(o.id);
        grew = true;
      }
    }
  }
  return ids;
}
