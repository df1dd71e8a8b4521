import type { Client, TestEnv } from '../platform/test-helpers.ts';
import type { RemoteWorld } from './remote-test-kit.ts';

/** Kit tests' helpers: a registered kit at the village, readings and small synthetic ECGs. */
export async function registerKit(w: RemoteWorld, id: string, orgId = w.ids.villageOrg): Promise<void> {
  const res = await w.township.post('/api/remote/kit/devices', { id, orgId, model: '测试一体机' });
  if (res.statusCode !== 201) throw new Error(`register ${id}: ${res.statusCode} ${res.body}`);
}

export const bp = (readingId: string, residentId: number, systolic: number, diastolic: number, at: Date) => ({
  readingId,
  residentId,
  kind: 'bp' as const,
  systolic,
  diastolic,
  pulse: 72,
  measuredAt: at.toISOString(),
});

/** ten seconds of a crude beat (a spike every second) on each lead, in microvolts */
export function ecgSamples(leads: 1 | 12, rate = 250): number[][] {
  return Array.from({ length: leads }, (_, l) =>
    Array.from({ length: rate * 10 }, (_, i) => {
      const t = i % rate;
      return t < 8 ? Math.round(1000 * Math.sin((t / 8) * Math.PI)) * (l % 2 ? -1 : 1) : 0;
    }),
  );
}

export const ecg = (readingId: string, residentId: number, at: Date, leads: 1 | 12 = 12, heartRate = 72) => ({
  readingId,
  residentId,
  kind: 'ecg' as const,
  heartRate,
  measuredAt: at.toISOString(),
  ecg: { leads, sampleRateHz: 250, samplesUv: ecgSamples(leads) },
});

export async function send(c: Client, deviceId: string, readings: unknown[], batchId?: string) {
  return c.post('/api/remote/kit/batches', { deviceId, batchId, readings });
}

export async function countReadings(env: TestEnv, deviceId: string): Promise<number> {
  const [r] = await env.asOwner(`SELECT count(*)::int AS n FROM kit_readings WHERE device_id = '${deviceId}'`);
  return Number(r.n);
}
