import { Button, Card, Col, Empty, Row, Select, Space, Tag, Typography, message } from 'antd';
import { ItemList } from '../../web/kit/item-list.tsx';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCurrentUser, useMayCall } from '../../web/current-user.ts';
import { ErrorAlert, errorMessage } from '../../web/error-alert.tsx';
import { useT } from '../../web/i18n.ts';
import { Page } from '../../web/page.tsx';
import type { Ticket } from '../queue.schema.ts';
import { useQueue, useQueueAction, useSessions } from './clinics.api.ts';
import { clinicMessages, clock, todayShanghai } from './clinics.i18n.ts';

const PRIORITY_COLOR = ['red', 'purple', 'default'];

/** The doctor's console: today's queue of one session, and the four buttons. */
export function ClinicConsolePage() {
  const t = useT(clinicMessages);
  const today = todayShanghai();
  const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const isExpert = useCurrentUser().roles.includes('expert');
  // an expert's own sessions first; otherwise the sessions of the user's own org (and the
  // clinics under it): never another hospital's, whose queue this user may not open
  const mine = useSessions({ from: today, to: tomorrow, mine: 'true' }, isExpert);
  const own = useSessions({ from: today, to: tomorrow, own: 'true' });
  // today's sessions, and one starting within three hours (just after midnight)
  const current = (s: { date: string; startsAt: string; status: string }) =>
    s.status === 'published' && (s.date === today || Date.parse(s.startsAt) - Date.now() < 3 * 3600_000);
  const myOwn = (mine.data?.items ?? []).filter(current);
  const sessions = myOwn.length ? myOwn : (own.data?.items ?? []).filter(current);
  const [picked, setPicked] = useState<number | null>(null);
  const sessionId = picked ?? sessions[0]?.id ?? null;
  const queue = useQueue(sessionId);
  const act = useQueueAction(sessionId);
  const canCall = useMayCall('POST /api/clinic-sessions/:id/call-next');
  const run = (action: 'call-next' | 'recall' | 'skip' | 'finish' | 'requeue', ticketId?: number) =>
    act.mutateAsync({ action, ticketId }).catch((err: unknown) => message.error(errorMessage(err)));
  const q = queue.data;
  const row = (tk: Ticket, extra?: React.ReactNode) => (
    <ItemList.Item extra={extra}>
      <Space>
        <Typography.Text strong style={{ fontSize: 18 }}>
          {t('ticketNo', { n: tk.number })}
        </Typography.Text>
        {tk.residentName}
        {tk.priorityReason ? <Tag color={PRIORITY_COLOR[tk.priority]}>{tk.priorityReason}</Tag> : null}
        <Typography.Text type="secondary">{t('checkedInAt', { time: clock(tk.checkedInAt) })}</Typography.Text>
      </Space>
    </ItemList.Item>
  );
  return (
    <Page
      title={t('console')}
      extra={
        <Select
          style={{ minWidth: 320 }}
          placeholder={t('pickSession')}
          value={sessionId ?? undefined}
          onChange={setPicked}
          data-testid="console-session"
          options={sessions.map((s) => ({
            value: s.id,
            label: `${clock(s.startsAt)} ${s.expertName ?? s.doctorName} · ${s.departmentName} ${t('roomNo', { room: s.room })}`,
          }))}
        />
      }
    >
      {own.isError ? <ErrorAlert error={own.error} /> : null}
      {sessionId === null && own.isSuccess ? (
        <Empty description={t('noSessionOwn')} data-testid="console-empty">
          <Link to="/clinics">{t('sessions')}</Link>
        </Empty>
      ) : null}
      {queue.isError ? <ErrorAlert error={queue.error} /> : null}
      {q ? (
        <Row gutter={12}>
          <Col xs={24} md={10}>
            <Card title={t('current')} size="small" style={{ marginBottom: 12 }}>
              {q.current ? (
                <div data-testid="console-current">
                  <Typography.Title level={2} style={{ margin: 0 }}>
                    {t('ticketNo', { n: q.current.number })} {q.current.residentName}
                  </Typography.Title>
                  <Typography.Text type="secondary">{t('calledTimes', { n: q.current.callCount })}</Typography.Text>
                </div>
              ) : (
                <Typography.Text type="secondary">{t('noPatient')}</Typography.Text>
              )}
              {canCall ? (
                <Space wrap style={{ marginTop: 16 }}>
                  <Button
                    type="primary"
                    size="large"
                    onClick={() => void run('call-next')}
                    loading={act.isPending}
                    data-testid="call-next"
                  >
                    {t('callNext')}
                  </Button>
                  <Button size="large" disabled={!q.current} onClick={() => void run('recall', q.current?.id)}>
                    {t('recall')}
                  </Button>
                  <Button size="large" disabled={!q.current} onClick={() => void run('skip', q.current?.id)}>
                    {t('skip')}
                  </Button>
                  <Button size="large" disabled={!q.current} onClick={() => void run('finish', q.current?.id)}>
                    {t('finish')}
                  </Button>
                </Space>
              ) : null}
              <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
                {t('queueOrder')}
              </Typography.Paragraph>
            </Card>
          </Col>
          <Col xs={24} md={14}>
            <Card
              title={t('waitingDone', { waiting: q.waiting.length, done: q.done })}
              size="small"
              style={{ marginBottom: 12 }}
            >
              <ItemList dataSource={q.waiting} renderItem={(tk) => row(tk)} locale={{ emptyText: t('noWaiting') }} />
            </Card>
            {q.skipped.length ? (
              <Card title={t('skipped')} size="small">
                <ItemList
                  dataSource={q.skipped}
                  renderItem={(tk) =>
                    row(
                      tk,
                      <Button size="small" onClick={() => void run('requeue', tk.id)}>
                        {t('requeue')}
                      </Button>,
                    )
                  }
                />
              </Card>
            ) : null}
          </Col>
        </Row>
      ) : null}
    </Page>
  );
}
