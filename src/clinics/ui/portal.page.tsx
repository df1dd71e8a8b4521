import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Popconfirm, Space, Tag, Typography, message } from 'antd';
import { ItemList } from '../../web/kit/item-list.tsx';
import { useEffect, useRef, useState } from 'react';
import { z } from 'zod';
import { validateWith } from '../../web/form-errors.ts';
import { useLang, useT } from '../../web/i18n.ts';
import { LangSwitch, useLangFromLink } from '../../web/lang-switch.tsx';
import { booking, waitlistEntry } from '../booking.schema.ts';
import { codeRequest, codeSent, portalLogin, portalMe, verifyRequest } from '../portal.schema.ts';
import { clinicSession, clinicSessionDetail, type ClinicSession, type Slot } from '../session.schema.ts';
import { clock, dayClock, statusColor, statusLabel } from './clinics.i18n.ts';
import { publicFetch } from './public-api.ts';
import { publicErrorMessage, publicMessages, roomLabel } from './public.i18n.ts';

const TOKEN_KEY = 'onecounty.portal';

/**
 * 居民自助预约, phone width: verify with ID number + mobile + a one-time code, then browse
 * sessions, book a time, see and cancel one's bookings. The portal token lives in this tab
 * only (sessionStorage) and expires after 30 minutes on the server.
 */
export function PortalPage() {
  useLangFromLink();
  const t = useT(publicMessages);
  const [token, setToken] = useState<string | null>(() => sessionStorage.getItem(TOKEN_KEY));
  const logout = () => {
    sessionStorage.removeItem(TOKEN_KEY);
    setToken(null);
  };
  return (
    <div style={{ maxWidth: 480, margin: '0 auto', padding: 12 }}>
      <div style={{ textAlign: 'right' }}>
        <LangSwitch />
      </div>
      <Typography.Title level={4} style={{ textAlign: 'center', marginTop: 4 }}>
        {t('portalTitle')}
      </Typography.Title>
      {token ? (
        <Booking token={token} onExpired={logout} />
      ) : (
        <Verify
          onToken={(t) => {
            sessionStorage.setItem(TOKEN_KEY, t);
            setToken(t);
          }}
        />
      )}
    </div>
  );
}

function Verify({ onToken }: { onToken: (token: string) => void }) {
  const t = useT(publicMessages);
  const lang = useLang();
  const [form] = Form.useForm<{ idNumber: string; mobile: string; code: string }>();
  const [sent, setSent] = useState<{ message: string; demoCode?: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /**
   * The server's own schema decides (one rule on both sides); its messages are Chinese, so a
   * visitor reading English gets the same fields marked in English.
   */
  const check = <S extends typeof codeRequest | typeof verifyRequest>(schema: S, values: unknown) => {
    const body = validateWith(form, schema, values);
    if (!body && lang !== 'zh') {
      const rule = { idNumber: 'idNumberRule', mobile: 'mobileRule', code: 'codeRule' } as const;
      form.setFields(
        (['idNumber', 'mobile', 'code'] as const)
          .filter((name) => form.getFieldError(name).length)
          .map((name) => ({ name, errors: [t(rule[name])] })),
      );
    }
    return body;
  };
  const getCode = async () => {
    form.setFields([{ name: 'code', errors: [] }]);
    const v = check(codeRequest, form.getFieldsValue(['idNumber', 'mobile']));
    if (!v) return;
    setBusy(true);
    setError(null);
    try {
      setSent(await publicFetch('/api/portal/code', codeSent, { method: 'POST', body: v }));
    } catch (err) {
      setError(publicErrorMessage(err, lang));
    } finally {
      setBusy(false);
    }
  };
  const verify = async () => {
    const v = check(verifyRequest, form.getFieldsValue(['idNumber', 'mobile', 'code']));
    if (!v) return;
    setBusy(true);
    setError(null);
    try {
      onToken((await publicFetch('/api/portal/verify', portalLogin, { method: 'POST', body: v })).token);
    } catch (err) {
      setError(publicErrorMessage(err, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card>
      <Form form={form} layout="vertical" size="large">
        <Form.Item name="idNumber" label={t('idNumber')} required>
          <Input inputMode="text" maxLength={18} data-testid="portal-id" />
        </Form.Item>
        <Form.Item name="mobile" label={t('mobile')} required>
          <Input inputMode="tel" maxLength={11} data-testid="portal-mobile" />
        </Form.Item>
        <Form.Item label={t('code')} required>
          <Space.Compact block>
            <Form.Item name="code" noStyle>
              <Input inputMode="numeric" maxLength={6} data-testid="portal-code" />
            </Form.Item>
            <Button onClick={() => void getCode()} loading={busy} data-testid="portal-get-code">
              {t('getCode')}
            </Button>
          </Space.Compact>
        </Form.Item>
        {sent ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('codeSent')}
            description={
              sent.demoCode ? (
                <span>
                  {t('demoSms')} <b data-testid="portal-demo-code">{sent.demoCode}</b>
                </span>
              ) : undefined
            }
          />
        ) : null}
        {error ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} /> : null}
        <Button type="primary" block onClick={() => void verify()} loading={busy} data-testid="portal-verify">
          {t('verify')}
        </Button>
      </Form>
    </Card>
  );
}

function Booking({ token, onExpired }: { token: string; onExpired: () => void }) {
  const t = useT(publicMessages);
  const lang = useLang();
  const qc = useQueryClient();
  const headers = { 'x-portal-token': token };
  const guard = async <T,>(p: Promise<T>): Promise<T> =>
    p.catch((err: unknown) => {
      if (err && typeof err === 'object' && 'status' in err && err.status === 401) onExpired();
      throw err;
    });
  const me = useQuery({
    queryKey: ['portal', token, 'me'],
    queryFn: () => guard(publicFetch('/api/portal/me', portalMe, { headers })),
  });
  const [q, setQ] = useState('');
  const sessions = useQuery({
    queryKey: ['portal', token, 'sessions', q],
    queryFn: () =>
      guard(publicFetch(`/api/portal/sessions?q=${encodeURIComponent(q)}`, z.array(clinicSession), { headers })),
  });
  const [open, setOpen] = useState<ClinicSession | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: ['portal', token] });
  const cancel = async (id: number) => {
    try {
      await guard(publicFetch(`/api/portal/bookings/${id}/cancel`, booking, { method: 'POST', body: {}, headers }));
      message.success(t('cancelled'));
      await refresh();
    } catch (err) {
      message.error(publicErrorMessage(err, lang));
    }
  };
  const m = me.data;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {m ? (
        <Card
          size="small"
          title={t('hello', { name: m.maskedName })}
          extra={
            <Button size="small" onClick={onExpired}>
              {t('signOut')}
            </Button>
          }
        >
          {m.suspendedUntil ? (
            <Alert type="warning" showIcon title={t('suspended', { until: dayClock(m.suspendedUntil, lang) })} />
          ) : null}
          <ItemList
            size="small"
            dataSource={m.bookings.filter((b) => b.status !== 'cancelled')}
            locale={{ emptyText: t('noBookings') }}
            renderItem={(b) => (
              <ItemList.Item
                data-testid="portal-booking"
                extra={
                  b.status === 'confirmed' ? (
                    <Popconfirm title={t('confirmCancel')} onConfirm={() => void cancel(b.id)}>
                      <Button size="small">{t('cancel')}</Button>
                    </Popconfirm>
                  ) : null
                }
              >
                <div>
                  <b>{dayClock(b.slotStartsAt, lang)}</b> {b.expertName ?? b.doctorName}
                  <br />
                  <small>
                    {b.orgName} {b.departmentName} · {roomLabel(b.room, lang)}
                  </small>{' '}
                  <Tag color={statusColor(b.status)}>{statusLabel(b.status, lang)}</Tag>
                </div>
              </ItemList.Item>
            )}
          />
          {m.waitlist.map((w) => (
            <Typography.Paragraph key={w.id} type="secondary">
              {t('waitlisted', { pos: w.position ?? '—', id: w.sessionId })}
            </Typography.Paragraph>
          ))}
        </Card>
      ) : null}
      <Card size="small" title={t('openClinics')}>
        <Input.Search
          placeholder={t('searchClinics')}
          onSearch={(v) => setQ(v.trim())}
          allowClear
          style={{ marginBottom: 8 }}
        />
        <ItemList
          dataSource={sessions.data ?? []}
          loading={sessions.isLoading}
          locale={{ emptyText: t('noClinics') }}
          renderItem={(s) => {
            const chosen = open?.id === s.id;
            return (
              <ItemList.Item
                style={{ display: 'block', padding: 0 }}
                className={chosen ? 'oc-portal-chosen' : undefined}
                data-chosen={chosen || undefined}
              >
                <div
                  role="button"
                  tabIndex={0}
                  onClick={() => setOpen(chosen ? null : s)}
                  onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && setOpen(chosen ? null : s)}
                  style={{ cursor: 'pointer', padding: '8px 4px' }}
                  data-testid={`portal-session-${s.id}`}
                  aria-expanded={chosen}
                >
                  <b>{s.expertName ? `${s.expertName} ${s.expertTitle ?? ''}` : s.doctorName}</b>{' '}
                  <small>{s.homeHospital ?? ''}</small>
                  <br />
                  <small>
                    {s.date} {clock(s.startsAt)} · {s.orgName} {s.departmentName}
                  </small>
                  <span style={{ float: 'right' }}>
                    {chosen ? <Tag color="blue">{t('chosen')}</Tag> : null}
                    {s.released ? (
                      s.free > 0 ? (
                        <Tag color="green">{t('left', { n: s.free })}</Tag>
                      ) : (
                        <Tag>{t('full')}</Tag>
                      )
                    ) : (
                      <Tag color="orange">{t('releases', { time: dayClock(s.releaseAt, lang) })}</Tag>
                    )}
                  </span>
                </div>
                {chosen ? (
                  // the times open right under the tapped clinic, not at the end of a long list
                  <SessionSlots
                    token={token}
                    session={s}
                    onDone={() => {
                      setOpen(null);
                      void refresh();
                    }}
                    guard={guard}
                  />
                ) : null}
              </ItemList.Item>
            );
          }}
        />
      </Card>
    </Space>
  );
}

function SessionSlots({
  token,
  session,
  onDone,
  guard,
}: {
  token: string;
  session: ClinicSession;
  onDone: () => void;
  guard: <T>(p: Promise<T>) => Promise<T>;
}) {
  const t = useT(publicMessages);
  const lang = useLang();
  const headers = { 'x-portal-token': token };
  const detail = useQuery({
    queryKey: ['portal', token, 'session', session.id],
    queryFn: () => guard(publicFetch(`/api/portal/sessions/${session.id}`, clinicSessionDetail, { headers })),
  });
  const key = useRef(crypto.randomUUID());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [picked, setPicked] = useState<Slot | null>(null);
  const card = useRef<HTMLDivElement>(null);
  const confirmBox = useRef<HTMLDivElement>(null);
  // on a phone the times would open out of sight: bring them (and later the confirmation) into view
  useEffect(() => {
    card.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, []);
  useEffect(() => {
    if (picked) confirmBox.current?.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  }, [picked]);
  const book = async (slotId: number) => {
    setBusy(true);
    setError(null);
    try {
      const b = await guard(
        publicFetch('/api/portal/bookings', booking, {
          method: 'POST',
          body: { sessionId: session.id, slotId },
          headers: { ...headers, 'idempotency-key': key.current },
        }),
      );
      message.success(t('booked', { time: dayClock(b.slotStartsAt, lang) }));
      onDone();
    } catch (err) {
      setError(publicErrorMessage(err, lang));
      setPicked(null);
      key.current = crypto.randomUUID();
      void detail.refetch();
    } finally {
      setBusy(false);
    }
  };
  const waitlist = async () => {
    try {
      await guard(
        publicFetch('/api/portal/waitlist', waitlistEntry, {
          method: 'POST',
          body: { sessionId: session.id },
          headers,
        }),
      );
      message.success(t('waitlistJoined'));
      onDone();
    } catch (err) {
      setError(publicErrorMessage(err, lang));
    }
  };
  const d = detail.data;
  return (
    <div ref={card} style={{ scrollMarginTop: 8, padding: '0 4px 12px' }} data-testid="portal-slots">
      {error ? <Alert type="error" showIcon style={{ marginBottom: 8 }} title={error} /> : null}
      {d?.released ? <Typography.Paragraph type="secondary">{t('pickTime')}</Typography.Paragraph> : null}
      <Space wrap>
        {(d?.slots ?? []).map((sl) => (
          <Button
            key={sl.id}
            type={picked?.id === sl.id ? 'primary' : 'default'}
            disabled={sl.free <= 0 || !d?.released || busy}
            onClick={() => setPicked(sl)}
            data-testid={`portal-slot-${sl.id}`}
            aria-pressed={picked?.id === sl.id}
          >
            {t('slot', { time: clock(sl.startsAt), n: sl.free })}
          </Button>
        ))}
      </Space>
      {picked ? (
        <div ref={confirmBox}>
          <Alert
            type="info"
            style={{ marginTop: 12 }}
            title={<b>{t('confirmTitle')}</b>}
            description={
              <div data-testid="portal-confirm-text">
                {session.expertName ? `${session.expertName} ${session.expertTitle ?? ''}` : session.doctorName}
                <br />
                {dayClock(picked.startsAt, lang)} · {session.orgName} {session.departmentName} ·{' '}
                {roomLabel(session.room, lang)}
                <br />
                <small>{t('cancelRule')}</small>
              </div>
            }
          />
          <Space style={{ marginTop: 8, width: '100%' }} orientation="vertical">
            <Button
              type="primary"
              block
              size="large"
              loading={busy}
              onClick={() => void book(picked.id)}
              data-testid="portal-confirm"
            >
              {t('confirmBook')}
            </Button>
            <Button block onClick={() => setPicked(null)} disabled={busy}>
              {t('changeTime')}
            </Button>
          </Space>
        </div>
      ) : null}
      {d && d.released && d.free === 0 ? (
        <Button style={{ marginTop: 8 }} block onClick={() => void waitlist()}>
          {t('joinWaitlist')}
        </Button>
      ) : null}
      {d && !d.released ? (
        <Typography.Paragraph type="warning">
          {t('opensOn', { time: dayClock(d.releaseAt, lang) })}
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}
