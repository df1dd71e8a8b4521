import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { useLang, useT } from '../../web/i18n.ts';
import { LangSwitch, useLangFromLink } from '../../web/lang-switch.tsx';
import { board } from '../queue.schema.ts';
import { publicFetch } from './public-api.ts';
import { publicMessages, roomLabel } from './public.i18n.ts';

/**
 * The waiting-room screen (no login, a screen token in the link): current and next numbers
 * with masked names in large type, live over SSE; each call is spoken in Mandarin with the
 * browser's speech synthesis. After a reconnect the board is refetched, so a call made
 * while offline still shows.
 */
export function ScreenPage() {
  useLangFromLink();
  const t = useT(publicMessages);
  const lang = useLang();
  const token = useParams().token ?? '';
  const [online, setOnline] = useState(false);
  const [voice, setVoice] = useState(false);
  const [flash, setFlash] = useState<string | null>(null);
  const voiceRef = useRef(false);
  const data = useQuery({
    queryKey: ['screen', token],
    queryFn: () => publicFetch(`/api/screen/board?token=${encodeURIComponent(token)}`, board),
    refetchInterval: 60_000,
    retry: true,
  });
  const refetch = data.refetch;
  useEffect(() => {
    const es = new EventSource(`/api/screen/stream?token=${encodeURIComponent(token)}`);
    es.onopen = () => {
      setOnline(true);
      void refetch();
    };
    es.onerror = () => setOnline(false);
    const onQueue = (ev: MessageEvent<string>) => {
      const e = JSON.parse(ev.data) as { kind?: string; announcement?: string };
      void refetch();
      if (e.kind === 'called' && e.announcement) {
        setFlash(e.announcement);
        if (voiceRef.current && 'speechSynthesis' in window) {
          const u = new SpeechSynthesisUtterance(`${e.announcement}，${e.announcement}`);
          u.lang = 'zh-CN';
          u.rate = 0.9;
          window.speechSynthesis.speak(u);
        }
      }
    };
    es.addEventListener('clinic.queue', onQueue);
    es.addEventListener('clinic.session.cancelled', () => void refetch());
    return () => es.close();
  }, [token, refetch]);
  const b = data.data;
  const big: React.CSSProperties = {
    background: '#0b1f3a',
    color: '#fff',
    minHeight: '100vh',
    padding: '2vh 3vw',
    fontFamily: "'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif",
  };
  if (data.isError && !b)
    return (
      <div style={big}>
        <h1 style={{ fontSize: '5vh' }}>{t('badScreenLink')}</h1>
        <p style={{ fontSize: '3vh' }}>{t('badScreenLinkHint')}</p>
      </div>
    );
  return (
    <div style={big} data-testid="screen">
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline' }}>
        <h1 style={{ fontSize: '5vh', margin: 0 }}>{b ? `${b.orgName} · ${b.departmentName}` : t('screen')}</h1>
        <span style={{ fontSize: '2.2vh', color: online ? '#7CFC9A' : '#ffb020' }}>
          <span data-testid="screen-online">{online ? t('screenLive') : t('screenReconnecting')}</span>{' '}
          <LangSwitch style={{ marginInlineStart: 12 }} />
        </span>
      </div>
      {!voice ? (
        <button
          type="button"
          onClick={() => {
            voiceRef.current = true;
            setVoice(true);
            window.speechSynthesis?.speak(new SpeechSynthesisUtterance(t('voiceOnSpoken')));
          }}
          style={{
            fontSize: '2.5vh',
            margin: '1vh 0',
            padding: '0.6vh 2vw',
            borderRadius: 8,
            border: 0,
            cursor: 'pointer',
          }}
        >
          {t('enableVoice')}
        </button>
      ) : null}
      {flash ? (
        <div
          data-testid="screen-announcement"
          style={{ fontSize: '6vh', fontWeight: 700, color: '#ffd54f', margin: '2vh 0' }}
        >
          {flash}
        </div>
      ) : null}
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fit, minmax(40vw, 1fr))',
          gap: '2vh 2vw',
          marginTop: '2vh',
        }}
      >
        {(b?.rooms ?? []).map((r) => (
          <div key={r.sessionId} style={{ background: '#132f57', borderRadius: 12, padding: '2vh 2vw' }}>
            <div style={{ fontSize: '3.2vh' }}>
              {roomLabel(r.room, lang)} · {r.doctor}
              {r.title ? ` ${r.title}` : ''}
            </div>
            <div style={{ fontSize: '2.4vh', color: '#9fb7d9', marginTop: '1vh' }}>{t('inRoom')}</div>
            <div
              style={{ fontSize: '9vh', fontWeight: 800, lineHeight: 1.1 }}
              data-testid={`screen-current-${r.sessionId}`}
            >
              {r.current ? `${t('number', { n: r.current.number })} ${r.current.maskedName}` : '—'}
            </div>
            <div style={{ fontSize: '2.4vh', color: '#9fb7d9', marginTop: '1vh' }}>
              {t('getReady', { n: r.waiting })}
            </div>
            <div style={{ fontSize: '4vh' }}>
              {r.next.map((n) => `${t('number', { n: n.number })} ${n.maskedName}`).join('　') || '—'}
            </div>
          </div>
        ))}
      </div>
      {b && b.rooms.length === 0 ? <p style={{ fontSize: '4vh' }}>{t('noClinicsToday')}</p> : null}
    </div>
  );
}
