import { formatDateTime } from '../../web/format.ts';
import type { Correction } from './corrections.api.ts';
import { callFacts, type MissionDetail, type MissionEvent } from './ems.api.ts';
import { observationText, word, type EmsT } from './ems-labels.ts';

/** The printed A4 record of a mission and the time helpers the timeline page shares with it. */

/** the server's time and the event's own time further apart than this are both shown */
const RECORDED_DIFF_MS = 60_000;

/** an interval in minutes, or in seconds where the target is under a minute (the 10-second answer) */
export function duration(t: EmsT, minutes: number | null, target: number | null): string {
  if (minutes === null) return '—';
  if (target !== null && target < 1) return t('secondsShort', { n: Math.round(minutes * 60) });
  return t('minutes', { n: Number.isInteger(minutes) ? minutes : minutes.toFixed(minutes < 10 ? 1 : 0) });
}

export function sortedEvents(events: readonly MissionEvent[]): MissionEvent[] {
  return [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

export function recordedDiffers(e: MissionEvent): boolean {
  return Boolean(e.recordedAt) && Math.abs(Date.parse(e.recordedAt ?? '') - Date.parse(e.at)) >= RECORDED_DIFF_MS;
}

/** The A4 record: the call, the timeline with sources, the intervals and the observations. */
export function MissionDocument({
  m,
  t,
  corrections,
}: {
  m: MissionDetail;
  t: EmsT;
  corrections: readonly Correction[];
}) {
  const call = callFacts(m);
  return (
    <div className="oc-doc">
      <h1>{t('printTitle')}</h1>
      <div className="oc-doc-sub">
        {t('mission', { id: m.id })} · {m.callSign} · {word(t, 'channel', m.channel)} ·{' '}
        {formatDateTime(m.createdAt, { seconds: true })}
      </div>
      <table>
        <tbody>
          <tr>
            <th>{t('complaint')}</th>
            <td>{call.complaintName ?? '—'}</td>
            <th>{t('patient')}</th>
            <td>{call.patientLabel ?? '—'}</td>
          </tr>
          <tr>
            <th>{t('address')}</th>
            <td>{call.address ?? '—'}</td>
            <th>{t('destination')}</th>
            <td>{m.destOrgName ?? '—'}</td>
          </tr>
        </tbody>
      </table>
      <h3>{t('timeline')}</h3>
      <table>
        <thead>
          <tr>
            <th>{t('milestone')}</th>
            <th>{t('at')}</th>
            <th>{t('source')}</th>
          </tr>
        </thead>
        <tbody>
          {sortedEvents(m.events).map((e) => (
            <tr key={e.milestone}>
              <td>{e.label}</td>
              <td>
                {formatDateTime(e.at, { seconds: true })}
                {e.corrections > 0 ? t('correctedMark') : ''}
                {recordedDiffers(e)
                  ? ` (${t('recordedAt', { t: formatDateTime(e.recordedAt, { seconds: true }) })})`
                  : ''}
              </td>
              <td>{word(t, 'source', e.source)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {corrections.length ? (
        <>
          <h3>{t('correctionHistory')}</h3>
          <table>
            <tbody>
              {corrections.map((c) => (
                <tr key={c.id}>
                  <td>{c.label}</td>
                  <td>
                    {t('correctionLine', {
                      old: formatDateTime(c.oldAt, { seconds: true }),
                      new: formatDateTime(c.newAt, { seconds: true }),
                    })}
                  </td>
                  <td>
                    {t('correctionBy', {
                      who: c.correctedBy ?? '—',
                      t: formatDateTime(c.correctedAt),
                      reason: c.reason,
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      <h3>{t('intervals')}</h3>
      <table>
        <tbody>
          {m.intervals.map((i) => (
            <tr key={i.key}>
              <td>{i.label}</td>
              <td>{duration(t, i.minutes, i.target)}</td>
              <td>{i.target === null ? '—' : `≤ ${duration(t, i.target, i.target)}`}</td>
              <td>{i.target === null ? '' : i.met === null ? t('pendingInterval') : i.met ? t('met') : t('notMet')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('observations')}</h3>
      <table>
        <tbody>
          {m.observations.map((o) => (
            <tr key={o.id}>
              <td>{formatDateTime(o.observedAt, { seconds: true })}</td>
              <td>{word(t, 'obs', o.kind)}</td>
              <td>{observationText(t, o.kind, o.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
