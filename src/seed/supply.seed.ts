import type { Kdb } from '../platform/db.ts';

export interface SupplySeedOptions {
  countyId: number;
  seed: number;
  now: Date;
  scale: 'demo' | 'jiexiu';
}

/** demo data for issue 14 (filled in by the feature) */
export async function seedSupply(_db: Kdb, _opts: SupplySeedOptions): Promise<void> {}
