import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, List, Popconfirm, Space, Tag, Typography, message } from 'antd';
import { useRef, useState } from 'react';
import { z } from 'zod';
import { errorMessage } from '../../web/error-alert.tsx';
import { booking, waitlistEntry } from '../booking.schema.ts';
import { codeSent, portalLogin, portalMe } from '../portal.schema.ts';
import { clinicSession, clinicSessionDetail, type ClinicSession } from '../session.schema.ts';
import { clock, dayClock, statusColor, statusLabel } from './clinics.i18n.ts';
import { publicFetch } from './public-api.ts';

const TOKEN_KEY = 'onecounty.portal';

/**
 * 居民自助预约, phone width: verify with ID number + mobile + a one-time code, then browse
 * sessions, book a time, see and cancel one's bookings. The portal token lives in this tab
 * only (sessionStorage) and expires after 30 minutes on the server.
 */
export function PortalPage() {
  const [token, setToken] = useState<string | null>(() => sessionStorage.getItem(TOKEN_KEY));
  const logout = () => { sessionStorage.removeItem(TOKEN_KEY); setToken(null); };
  return (
    <div style={{ maxWidth: 480, margin: '0 auto', padding: 12 }}>
      <Typography.Title level={4} style={{ textAlign: 'center' }}>专家门诊自助预约</Typography.Title>
      {token ? <Booking token={token} onExpired={logout} /> : <Verify onToken={(t) => { sessionStorage.setItem(TOKEN_KEY, t); setToken(t); }} />}
    </div>
  );
}

function Verify({ onToken }: { onToken: (token: string) => void }) {
  const [form] = Form.useForm<{ idNumber: string; mobile: string; code: string }>();
  const [sent, setSent] = useState<{ message: string; demoCode?: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const getCode = async () => {
    const v = await form.validateFields(['idNumber', 'mobile']);
    setBusy(true); setError(null);
    try { setSent(await publicFetch('/api/portal/code', codeSent, { method: 'POST', body: v })); } catch (err) { setError(errorMessage(err)); } finally { setBusy(false); }
  };
  const verify = async () => {
    const v = await form.validateFields();
    setBusy(true); setError(null);
    try { onToken((await publicFetch('/api/portal/verify', portalLogin, { method: 'POST', body: v })).token); } catch (err) { setError(errorMessage(err)); } finally { setBusy(false); }
  };
  return (
    <Card>
      <Form form={form} layout="vertical" size="large">
        <Form.Item name="idNumber" label="身份证号" rules={[{ required: true, len: 18, message: '请输入 18 位身份证号' }]}><Input inputMode="text" maxLength={18} data-testid="portal-id" /></Form.Item>
        <Form.Item name="mobile" label="预留手机号" rules={[{ required: true, pattern: /^1[3-9]\d{9}$/, message: '请输入 11 位手机号' }]}><Input inputMode="tel" maxLength={11} data-testid="portal-mobile" /></Form.Item>
        <Form.Item label="验证码" required>
          <Space.Compact block>
            <Form.Item name="code" noStyle rules={[{ required: true, pattern: /^\d{6}$/, message: '请输入 6 位验证码' }]}><Input inputMode="numeric" maxLength={6} data-testid="portal-code" /></Form.Item>
            <Button onClick={getCode} loading={busy} data-testid="portal-get-code">获取验证码</Button>
          </Space.Compact>
        </Form.Item>
        {sent ? <Alert type="info" showIcon style={{ marginBottom: 12 }} message={sent.message} description={sent.demoCode ? <span>演示环境短信：验证码 <b data-testid="portal-demo-code">{sent.demoCode}</b></span> : undefined} /> : null}
        {error ? <Alert type="error" showIcon style={{ marginBottom: 12 }} message={error} /> : null}
        <Button type="primary" block onClick={verify} loading={busy} data-testid="portal-verify">验证并进入</Button>
      </Form>
    </Card>
  );
}

function Booking({ token, onExpired }: { token: string; onExpired: () => void }) {
  const qc = useQueryClient();
  const headers = { 'x-portal-token': token };
  const guard = async <T,>(p: Promise<T>): Promise<T> => p.catch((err: unknown) => {
    if (err && typeof err === 'object' && 'status' in err && err.status === 401) onExpired();
    throw err;
  });
  const me = useQuery({ queryKey: ['portal', token, 'me'], queryFn: () => guard(publicFetch('/api/portal/me', portalMe, { headers })) });
  const [q, setQ] = useState('');
  const sessions = useQuery({ queryKey: ['portal', token, 'sessions', q], queryFn: () => guard(publicFetch(`/api/portal/sessions?q=${encodeURIComponent(q)}`, z.array(clinicSession), { headers })) });
  const [open, setOpen] = useState<ClinicSession | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: ['portal', token] });
  const cancel = async (id: number) => {
    try { await guard(publicFetch(`/api/portal/bookings/${id}/cancel`, booking, { method: 'POST', body: {}, headers })); message.success('已取消'); await refresh(); } catch (err) { message.error(errorMessage(err)); }
  };
  const m = me.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {m ? (
        <Card size="small" title={`${m.maskedName}，您好`} extra={<Button size="small" onClick={onExpired}>退出</Button>}>
          {m.suspendedUntil ? <Alert type="warning" showIcon message={`因多次预约未就诊，自助预约暂停至 ${dayClock(m.suspendedUntil)}`} /> : null}
          <List size="small" dataSource={m.bookings.filter((b) => b.status !== 'cancelled')} locale={{ emptyText: '暂无预约' }} renderItem={(b) => (
            <List.Item data-testid="portal-booking" extra={b.status === 'confirmed' ? <Popconfirm title="确定取消这个预约？" onConfirm={() => cancel(b.id)}><Button size="small">取消</Button></Popconfirm> : null}>
              <div><b>{dayClock(b.slotStartsAt)}</b> {b.expertName ?? b.doctorName}<br /><small>{b.orgName} {b.departmentName} · {b.room}诊室</small> <Tag color={statusColor(b.status)}>{statusLabel(b.status, 'zh')}</Tag></div>
            </List.Item>
          )} />
          {m.waitlist.map((w) => <Typography.Paragraph key={w.id} type="secondary">候补中：第 {w.position} 位（门诊 #{w.sessionId}）</Typography.Paragraph>)}
        </Card>
      ) : null}
      <Card size="small" title="可预约门诊">
        <Input.Search placeholder="专家、专业或科室" onSearch={(v) => setQ(v.trim())} allowClear style={{ marginBottom: 8 }} />
        <List dataSource={sessions.data ?? []} loading={sessions.isLoading} locale={{ emptyText: '暂无门诊' }} renderItem={(s) => (
          <List.Item onClick={() => setOpen(s)} style={{ cursor: 'pointer' }} data-testid={`portal-session-${s.id}`}>
            <div style={{ width: '100%' }}>
              <b>{s.expertName ? `${s.expertName} ${s.expertTitle ?? ''}` : s.doctorName}</b> <small>{s.homeHospital ?? ''}</small><br />
              <small>{s.date} {clock(s.startsAt)} · {s.orgName} {s.departmentName}</small>
              <span style={{ float: 'right' }}>{s.released ? (s.free > 0 ? <Tag color="green">余 {s.free}</Tag> : <Tag>约满</Tag>) : <Tag color="orange">{dayClock(s.releaseAt)} 放号</Tag>}</span>
            </div>
          </List.Item>
        )} />
      </Card>
      {open ? <SessionSlots token={token} session={open} onDone={() => { setOpen(null); void refresh(); }} guard={guard} /> : null}
    </Space>
  );
}

function SessionSlots({ token, session, onDone, guard }: { token: string; session: ClinicSession; onDone: () => void; guard: <T>(p: Promise<T>) => Promise<T> }) {
  const headers = { 'x-portal-token': token };
  const detail = useQuery({ queryKey: ['portal', token, 'session', session.id], queryFn: () => guard(publicFetch(`/api/portal/sessions/${session.id}`, clinicSessionDetail, { headers })) });
  const key = useRef(crypto.randomUUID());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const book = async (slotId?: number) => {
    setBusy(true); setError(null);
    try {
      const b = await guard(publicFetch('/api/portal/bookings', booking, { method: 'POST', body: { sessionId: session.id, ...(slotId ? { slotId } : {}) }, headers: { ...headers, 'idempotency-key': key.current } }));
      message.success(`预约成功：${dayClock(b.slotStartsAt)}`);
      onDone();
    } catch (err) { setError(errorMessage(err)); key.current = crypto.randomUUID(); void detail.refetch(); } finally { setBusy(false); }
  };
  const waitlist = async () => {
    try { await guard(publicFetch('/api/portal/waitlist', waitlistEntry, { method: 'POST', body: { sessionId: session.id }, headers })); message.success('已登记候补，有号时将自动为您预约并短信通知'); onDone(); } catch (err) { setError(errorMessage(err)); }
  };
  const d = detail.data;
  return (
    <Card size="small" title={`${session.expertName ?? session.doctorName} · ${session.date}`}>
      {error ? <Alert type="error" showIcon style={{ marginBottom: 8 }} message={error} /> : null}
      <Space wrap>
        {(d?.slots ?? []).map((sl) => (
          <Button key={sl.id} disabled={sl.free <= 0 || !d?.released} loading={busy} onClick={() => book(sl.id)} data-testid={`portal-slot-${sl.id}`}>
            {clock(sl.startsAt)}（余{sl.free}）
          </Button>
        ))}
      </Space>
      {d && d.released && d.free === 0 ? <Button style={{ marginTop: 8 }} block onClick={waitlist}>约满了，登记候补</Button> : null}
      {d && !d.released ? <Typography.Paragraph type="warning">号源将于 {dayClock(d.releaseAt)} 开放预约</Typography.Paragraph> : null}
    </Card>
  );
}
