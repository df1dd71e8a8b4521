import type { Kdb } from './db.ts';

export interface OrgNode {
  id: number;
  parentId: number | null;
  countyId: number;
  kind: string;
  path: string;
}

/**
 * Access decisions need the org tree on every request. It changes rarely, so each process
 * keeps a copy, reloaded when any process creates an org (an 'org.' event, see platform.ts)
 * and at most TTL old should that event be missed (a dropped LISTEN connection).
 */
export class OrgTree {
  private nodes = new Map<number, OrgNode>();
  private children = new Map<number, number[]>();
  private loadedAt = 0;
  private loading: Promise<void> | null = null;

  constructor(
    private readonly db: Kdb,
    private readonly ttlMs = 30_000,
  ) {}

  invalidate(): void {
    this.loadedAt = 0;
  }

  private async load(): Promise<void> {
    const rows = await this.db.selectFrom('orgs').select(['id', 'parent_id', 'county_id', 'kind', 'path']).execute();
    const nodes = new Map<number, OrgNode>();
    const children = new Map<number, number[]>();
    for (const r of rows) {
      nodes.set(r.id, { id: r.id, parentId: r.parent_id, countyId: r.county_id, kind: r.kind, path: r.path });
      if (r.parent_id !== null) children.set(r.parent_id, [...(children.get(r.parent_id) ?? []), r.id]);
    }
    this.nodes = nodes;
    this.children = children;
    this.loadedAt = Date.now();
  }

  async fresh(): Promise<this> {
    if (Date.now() - this.loadedAt > this.ttlMs) {
      this.loading ??= this.load().finally(() => {
        this.loading = null;
      });
      await this.loading;
    }
    return this;
  }

  get(id: number): OrgNode | undefined {
    return this.nodes.get(id);
  }

  /** id and everything below it */
  subtree(id: number): number[] {
    const out: number[] = [];
    const stack = [id];
    for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
      if (!this.nodes.has(next)) continue;
      out.push(next);
      stack.push(...(this.children.get(next) ?? []));
    }
    return out;
  }

  /** id and everything above it */
  ancestry(id: number): number[] {
    const out: number[] = [];
    for (let n = this.nodes.get(id); n; n = n.parentId === null ? undefined : this.nodes.get(n.parentId))
      out.push(n.id);
    return out;
  }

  /** every org of the county, plus the partner hospitals linked to it */
  county(countyId: number): number[] {
    return [...this.nodes.values()].filter((n) => n.countyId === countyId).map((n) => n.id);
  }
}
