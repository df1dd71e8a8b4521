import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Input,
  Modal,
  Popconfirm,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  message,
} from 'antd';
import { useRef, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../web/api.ts';
import { residentPage } from '../../residents/residents.schema.ts';
import { usePresetResident } from '../../residents/ui/residents.api.ts';
import { sexLabel } from '../../residents/ui/residents.i18n.ts';
import { useMayCall } from '../../web/current-user.ts';
import { ErrorAlert, errorMessage } from '../../web/error-alert.tsx';
import { translate, useLang, useT } from '../../web/i18n.ts';
import { Page } from '../../web/page.tsx';
import type { Booking } from '../booking.schema.ts';
import type { Ticket } from '../queue.schema.ts';
import { PrintButton } from '../../web/kit/print.tsx';
import { QueueTicket } from './queue-ticket.tsx';
import {
  newKey,
  useBook,
  useBookingAction,
  useClinicSettings,
  useJoinWaitlist,
  useSession,
  useSessionAction,
  useSessionBookings,
} from './clinics.api.ts';
import { clinicMessages, clock, dayClock, statusColor, statusLabel, typeLabel } from './clinics.i18n.ts';

/** One session: its slots, the booking desk, the list with check-in, and the session's own actions. */
export function ClinicSessionPage() {
  const id = Number(useParams().id);
  const t = useT(clinicMessages);
  const lang = useLang();
  const session = useSession(id);
  const canList = useMayCall('GET /api/clinic-sessions/:id/bookings');
  const list = useSessionBookings(id, canList);
  const canBook = useMayCall('POST /api/clinic-bookings');
  const canCheckIn = useMayCall('POST /api/clinic-bookings/:id/check-in');
  const canCancelSession = useMayCall('POST /api/clinic-sessions/:id/cancel');
  const canApprove = useMayCall('POST /api/clinic-sessions/:id/approve');
  const act = useSessionAction(id);
  const bookingAction = useBookingAction();
  const [issued, setIssued] = useState<{ ticket: Ticket; url: string } | null>(null);
  const ticketUrl = issued?.url ?? null;
  const rules = useClinicSettings();
  // a no-show counts toward suspending the resident's self-booking: say so before it is recorded
  const noShowConsequence = rules.data
    ? t('noShowRule', {
        days: rules.data.noShowWindowDays,
        limit: rules.data.noShowLimit,
        suspend: rules.data.suspensionDays,
      })
    : t('noShowRuleShort');
  const s = session.data;
  const waiting = (list.data?.waitlist ?? []).filter((w) => w.status === 'waiting');
  if (session.isError)
    return (
      <Page title={t('sessions')}>
        <ErrorAlert error={session.error} />
      </Page>
    );
  if (!s) return <Page title={t('sessions')}>…</Page>;
  const onBookingAction = async (
    b: Booking,
    action: 'cancel' | 'no-show' | 'check-in',
    body?: Record<string, unknown>,
  ) => {
    try {
      const r = await bookingAction.mutateAsync({ id: b.id, action, body });
      if (action === 'check-in' && r && typeof r === 'object' && 'number' in r) {
        const tk = r as Ticket & { url: string };
        message.success(t('checkedInOk', { name: b.residentName ?? '', n: tk.number }));
        setIssued({ ticket: tk, url: `${location.origin}${tk.url}` });
      }
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  return (
    <Page
      title={`${s.expertName ?? s.doctorName ?? ''} · ${s.departmentName} · ${s.date}`}
      extra={
        <Space>
          {canApprove && s.status === 'pending_approval' ? (
            <Button type="primary" onClick={() => act.mutate({ action: 'approve' })}>
              {t('approve')}
            </Button>
          ) : null}
          {canCancelSession && (s.status === 'published' || s.status === 'pending_approval') ? (
            <CancelSession onCancel={(reason) => act.mutate({ action: 'cancel', reason })} />
          ) : null}
        </Space>
      }
    >
      {act.isError ? <ErrorAlert error={act.error} /> : null}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            {
              label: t('expert'),
              children: s.expertName ? `${s.expertName} ${s.expertTitle ?? ''}（${s.homeHospital}）` : s.doctorName,
            },
            { label: t('department'), children: `${s.orgName} ${s.departmentName} · ${t('roomNo', { room: s.room })}` },
            {
              label: t('time'),
              children: `${s.date} ${clock(s.startsAt)}–${clock(s.endsAt)} · ${typeLabel(s.sessionType, lang)}`,
            },
            { label: t('status'), children: <Tag color={statusColor(s.status)}>{statusLabel(s.status, lang)}</Tag> },
            {
              label: t('capacity'),
              children: (
                <span data-testid="session-free">
                  {t('free')} {s.free} / {s.capacity}（{t('waitlist')} {s.waitlist}）
                </span>
              ),
            },
            { label: t('releaseAt'), children: dayClock(s.releaseAt) },
          ]}
        />
      </Card>
      {ticketUrl ? (
        <Alert
          type="success"
          showIcon
          closable
          style={{ marginBottom: 12 }}
          title={
            <span>
              {t('ticketLink')}
              <Typography.Text copyable data-testid="ticket-url">
                {ticketUrl}
              </Typography.Text>
            </span>
          }
          action={
            issued ? (
              <PrintButton
                size="small"
                label={t('printTicket')}
                title={t('printTicketTitle')}
                paper="ticket"
                render={() => <QueueTicket ticket={issued.ticket} url={issued.url} session={s} />}
              />
            ) : null
          }
        />
      ) : null}
      <Row gutter={12}>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('slots')} style={{ marginBottom: 12 }}>
            <Space wrap>
              {s.slots.map((sl) => (
                <Tag key={sl.id} color={sl.free > 0 ? 'green' : sl.freeReferred > 0 ? 'orange' : 'default'}>
                  {clock(sl.startsAt)} · {sl.free}/{sl.capacity}
                  {sl.held ? t('heldN', { n: sl.held }) : ''}
                </Tag>
              ))}
            </Space>
          </Card>
          {canBook && s.status === 'published' ? (
            <BookingDesk sessionId={id} slots={s.slots} full={s.free === 0} />
          ) : null}
        </Col>
        <Col xs={24} lg={14}>
          {canList ? (
            <Card size="small" title={t('bookings')}>
              {list.isError ? <ErrorAlert error={list.error} /> : null}
              <Table<Booking>
                rowKey="id"
                size="small"
                pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
                loading={list.isLoading}
                dataSource={list.data?.bookings ?? []}
                columns={[
                  { title: t('time'), render: (_, b) => clock(b.slotStartsAt), width: 70 },
                  {
                    title: t('resident'),
                    render: (_, b) => (
                      <span>
                        {b.residentName}
                        {b.referred ? (
                          <Tag color="purple" style={{ marginLeft: 4 }}>
                            {t('referredTag')}
                          </Tag>
                        ) : null}
                        {b.queueNumber ? <Tag color="cyan">{t('ticketNo', { n: b.queueNumber })}</Tag> : null}
                      </span>
                    ),
                  },
                  {
                    title: t('status'),
                    render: (_, b) => <Tag color={statusColor(b.status)}>{statusLabel(b.status, lang)}</Tag>,
                  },
                  {
                    title: '',
                    render: (_, b) =>
                      b.status === 'confirmed' ? (
                        <Space size={4} wrap>
                          {canCheckIn ? (
                            <Button
                              size="small"
                              type="primary"
                              onClick={() => void onBookingAction(b, 'check-in')}
                              data-testid={`check-in-${b.residentId}`}
                            >
                              {t('checkIn')}
                            </Button>
                          ) : null}
                          {canCheckIn ? (
                            <Button
                              size="small"
                              onClick={() => void onBookingAction(b, 'check-in', { emergency: true })}
                            >
                              {t('emergency')}
                            </Button>
                          ) : null}
                          <Popconfirm
                            title={t('cancelBooking')}
                            onConfirm={() =>
                              void onBookingAction(b, 'cancel', {
                                // stored and sent to the resident, who reads Chinese whatever the desk's language
                                reason: translate(clinicMessages, 'zh', 'cancelAtDesk'),
                              })
                            }
                          >
                            <Button size="small">{t('cancelBooking')}</Button>
                          </Popconfirm>
                          <Popconfirm
                            title={t('noShowConfirm', { name: b.residentName ?? '' })}
                            description={noShowConsequence}
                            okText={t('noShowOk')}
                            okButtonProps={{ danger: true, 'data-testid': 'no-show-ok' }}
                            cancelText={t('notNow')}
                            onConfirm={() => void onBookingAction(b, 'no-show')}
                          >
                            <Button size="small" danger data-testid={`no-show-${b.residentId}`}>
                              {t('noShow')}
                            </Button>
                          </Popconfirm>
                        </Space>
                      ) : null,
                  },
                ]}
              />
              {waiting.length ? (
                <Typography.Paragraph style={{ marginTop: 8 }}>
                  {t('waitlist')}：{waiting.map((w) => `${w.position}. ${w.residentName}`).join('，')}
                </Typography.Paragraph>
              ) : null}
            </Card>
          ) : null}
        </Col>
      </Row>
    </Page>
  );
}

function CancelSession({ onCancel }: { onCancel: (reason: string) => void }) {
  const t = useT(clinicMessages);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <>
      <Button danger onClick={() => setOpen(true)}>
        {t('cancelSession')}
      </Button>
      <Modal
        open={open}
        title={t('cancelSession')}
        onCancel={() => setOpen(false)}
        okButtonProps={{ danger: true, disabled: reason.trim().length < 2 }}
        onOk={() => {
          onCancel(reason.trim());
          setOpen(false);
        }}
      >
        <Typography.Paragraph>{t('cancelSessionNote')}</Typography.Paragraph>
        <Input.TextArea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('reason')}
          maxLength={100}
        />
      </Modal>
    </>
  );
}

function BookingDesk({
  sessionId,
  slots,
  full,
}: {
  sessionId: number;
  slots: Array<{ id: number; startsAt: string; free: number; freeReferred: number }>;
  full: boolean;
}) {
  const t = useT(clinicMessages);
  const lang = useLang();
  const [q, setQ] = useState('');
  // opened from a resident's profile (预约专家号 → a session): that resident is chosen already
  const preset = usePresetResident(useSearchParams()[0].get('residentId'));
  const [residentId, setResidentId] = useState<number | null>(preset.id ?? null);
  const [slotId, setSlotId] = useState<number | undefined>(undefined);
  const [referred, setReferred] = useState(false);
  const key = useRef(newKey());
  const search = useQuery({
    queryKey: ['clinics', 'resident-search', q],
    queryFn: () => apiGet('/api/residents', residentPage, { q, pageSize: 10 }),
    enabled: q.trim().length >= 2,
  });
  const book = useBook();
  const waitlist = useJoinWaitlist();
  const submit = async () => {
    if (!residentId) return;
    try {
      const b = await book.mutateAsync({ body: { sessionId, residentId, slotId, referred }, key: key.current });
      message.success(t('booked_ok', { time: dayClock(b.slotStartsAt) }));
      key.current = newKey();
      setResidentId(null);
    } catch {
      key.current = newKey();
    }
  };
  return (
    <Card size="small" title={t('bookFor')}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Input.Search
          placeholder={t('searchResident')}
          onSearch={(v) => setQ(v.trim())}
          allowClear
          data-testid="resident-search"
        />
        <Select
          style={{ width: '100%' }}
          placeholder={t('resident')}
          value={residentId ?? undefined}
          onChange={setResidentId}
          loading={search.isFetching}
          options={[
            ...(preset.resident && !(search.data?.items ?? []).some((r) => r.id === preset.id)
              ? [preset.resident]
              : []),
            ...(search.data?.items ?? []),
          ].map((r) => ({
            value: r.id,
            label: `${r.name} · ${sexLabel(r.sex, lang)} ${t('ageN', { n: r.age })} · ${r.idNumber}`,
          }))}
          data-testid="resident-pick"
        />
        <Select
          style={{ width: '100%' }}
          allowClear
          placeholder={t('earliestSlot')}
          value={slotId}
          onChange={setSlotId}
          options={slots
            .filter((s) => (referred ? s.freeReferred : s.free) > 0)
            .map((s) => ({
              value: s.id,
              label: `${clock(s.startsAt)}${t('leftN', { n: referred ? s.freeReferred : s.free })}`,
            }))}
        />
        <Checkbox checked={referred} onChange={(e) => setReferred(e.target.checked)}>
          {t('referred')}
        </Checkbox>
        {book.isError ? <ErrorAlert error={book.error} /> : null}
        {waitlist.isError ? <ErrorAlert error={waitlist.error} /> : null}
        <Space>
          <Button
            type="primary"
            disabled={!residentId}
            loading={book.isPending}
            onClick={() => void submit()}
            data-testid="book-submit"
          >
            {t('book')}
          </Button>
          {full ? (
            <Button disabled={!residentId} onClick={() => residentId && waitlist.mutate({ sessionId, residentId })}>
              {t('joinWaitlist')}
            </Button>
          ) : null}
        </Space>
      </Space>
    </Card>
  );
}
