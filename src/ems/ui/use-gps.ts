import { useEffect, useRef, useState } from 'react';
import type { CrewOutbox } from './use-outbox.ts';

/** at most one fix every 15 s goes into the outbox: enough to move the vehicle on the board */
export const GPS_EVERY_MS = 15_000;

/** 定位: 开 (watching), 关 (no mission running), 不可用 (no GPS, or the crew refused it) */
export type GpsState = 'on' | 'off' | 'unavailable';

/** Whether this fix should be kept, given when the last one was (epoch ms of the phone's fixes). */
export function dueFix(lastAt: number | null, at: number, everyMs = GPS_EVERY_MS): boolean {
  return lastAt === null || at - lastAt >= everyMs || at < lastAt;
}

/**
 * While a mission runs, watches the phone's position (when the browser lets it: a secure page
 * and the crew's consent) and keeps a fix every 15 s in the outbox, with the phone's time of
 * the fix. Fixes wait there like every other record: counted in 未发送, sent when the network
 * is there, what piled up while offline going out in batches of up to 50.
 */
export function useCrewGps(vehicleId: number | null, active: boolean, submit: CrewOutbox['submit']): GpsState {
  const [failed, setFailed] = useState(false);
  const last = useRef<number | null>(null);
  const submitRef = useRef(submit);
  useEffect(() => {
    submitRef.current = submit;
  }, [submit]);
  const supported = typeof navigator !== 'undefined' && 'geolocation' in navigator && window.isSecureContext;
  const watching = supported && active && vehicleId !== null;

  useEffect(() => {
    if (!watching || vehicleId === null) return undefined;
    const id = navigator.geolocation.watchPosition(
      (p) => {
        setFailed(false);
        if (!dueFix(last.current, p.timestamp)) return;
        last.current = p.timestamp;
        const speed = p.coords.speed;
        submitRef.current({
          missionId: 0,
          kind: 'position',
          what: 'fix',
          url: `/api/ems/vehicles/${vehicleId}/positions`,
          quiet: true,
          body: () => ({
            lat: Math.round(p.coords.latitude * 1e6) / 1e6,
            lng: Math.round(p.coords.longitude * 1e6) / 1e6,
            accuracyM: Math.round(p.coords.accuracy),
            ...(speed !== null && speed >= 0 ? { speedKmh: Math.round(speed * 36) / 10 } : {}),
            deviceAt: new Date(p.timestamp).toISOString(),
          }),
        });
      },
      (err) => {
        // refused: 不可用 until the crew allows it; no signal for now: keep watching
        if (err.code === err.PERMISSION_DENIED) setFailed(true);
      },
      { enableHighAccuracy: true, maximumAge: 10_000, timeout: 60_000 },
    );
    return () => navigator.geolocation.clearWatch(id);
  }, [watching, vehicleId]);

  if (!supported || failed) return 'unavailable';
  return watching ? 'on' : 'off';
}
