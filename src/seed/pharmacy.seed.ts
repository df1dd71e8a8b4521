import type { Kdb } from '../platform/db.ts';

export interface PharmacySeedOptions {
  countyId: number;
  seed: number;
  now: Date;
  scale: 'demo' | 'jiexiu';
}

/** demo data for issue 14 (filled in by the feature) */
export async function seedPharmacy(_db: Kdb, _opts: PharmacySeedOptions): Promise<void> {}
