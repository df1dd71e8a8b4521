import { PhoneOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Card, Col, Input, Modal, Radio, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { apiSend } from '../../web/api.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { formatDateTime, todayShanghai } from '../../web/format.ts';
import { useLang, useT } from '../../web/i18n.ts';
import { Page } from '../../web/page.tsx';
import { useIsMobile } from '../../web/use-is-mobile.ts';
import {
  CHRONIC_KEY,
  okId,
  useChronicStream,
  useDayList,
  type AlertItem,
  type DayList,
  type DueItem,
} from './chronic.api.ts';
import { CALL_OUTCOME, chronicMessages, CLASS, DISEASE, label, options, SEX } from './chronic.i18n.ts';
import { FollowupForm, type FollowupTarget } from './followup-form.tsx';
import { Rows } from './rows.tsx';

/** 今日工作: the village doctor's day in the order the work is done, live as grid members record. */
export function DayListPage() {
  const t = useT(chronicMessages);
  const lang = useLang();
  const mobile = useIsMobile();
  const day = useDayList();
  useChronicStream();
  const [target, setTarget] = useState<FollowupTarget | null>(null);
  const [handling, setHandling] = useState<AlertItem | null>(null);
  const [calling, setCalling] = useState<DueItem | null>(null);
  const d = day.data;
  const counts: Array<[keyof DayList['counts'], string, string?]> = [
    ['alerts', t('alerts'), '#cf1322'],
    ['overdue', t('overdue'), '#d46b08'],
    ['today', t('dueToday')],
    ['week', t('dueWeek')],
    ['drafts', t('drafts')],
    ['tasks', t('downTasks')],
    ['renewals', t('renewals')],
  ];
  const section = (key: string, title: string, count: number, body: ReactNode, extra?: ReactNode) => (
    <Card
      size="small"
      key={key}
      id={`day-${key}`}
      data-testid={`day-${key}`}
      title={
        <Space>
          {title}
          <Badge count={count} showZero color={key === 'alerts' && count ? '#cf1322' : '#8c8c8c'} />
        </Space>
      }
      extra={extra}
      style={{ marginBottom: 12 }}
    >
      {body}
    </Card>
  );
  const empty = <Typography.Text type="secondary">{t('nothing')}</Typography.Text>;
  const dueRows = (rows: DueItem[]) => (
    <Rows<DueItem>
      rows={rows}
      rowKey={(r) => r.caseId}
      empty={empty}
      rowProps={(r) => ({ 'data-case-id': r.caseId })}
      columns={[
        { key: 'name', title: t('name'), mobile: 'title', render: (r) => <strong>{r.name}</strong> },
        {
          key: 'sexAge',
          title: t('sexAge'),
          width: 90,
          render: (r) => `${label(SEX, r.sex, lang)} · ${t('years', { n: r.age })}`,
        },
        { key: 'disease', title: t('disease'), width: 90, mobile: 'extra', render: (r) => diseaseTag(r.disease) },
        { key: 'due', title: t('nextDue'), width: 110, render: (r) => r.nextDue },
        {
          key: 'overdue',
          title: t('overdueDays'),
          width: 90,
          render: (r) => (r.overdueDays ? <Tag color="red">{t('daysN', { n: r.overdueDays })}</Tag> : '—'),
        },
        {
          key: 'class',
          title: t('lastClass'),
          width: 120,
          render: (r) => (r.lastClass ? label(CLASS, String(r.lastClass), lang) : '—'),
        },
        {
          key: 'call',
          title: t('lastCall'),
          width: 90,
          render: (r) => (r.lastCall ? label(CALL_OUTCOME, r.lastCall, lang) : '—'),
        },
        {
          key: 'actions',
          title: t('actions'),
          width: 150,
          mobile: 'actions',
          render: (r) => (
            <Space>
              <Button
                type="primary"
                size={mobile ? 'large' : 'small'}
                onClick={() => setTarget({ caseId: r.caseId, disease: r.disease, name: r.name })}
              >
                {t('followup')}
              </Button>
              <Button size={mobile ? 'large' : 'small'} icon={<PhoneOutlined />} onClick={() => setCalling(r)}>
                {t('call')}
              </Button>
            </Space>
          ),
        },
      ]}
    />
  );
  const diseaseTag = (disease: string) => (
    <Tag color={disease === 'htn' ? 'volcano' : 'blue'}>{label(DISEASE, disease, lang)}</Tag>
  );
  return (
    <Page
      title={t('dayTitle')}
      extra={
        <Space>
          <Badge status="processing" text={t('live')} />
          <Button icon={<ReloadOutlined />} onClick={() => void day.refetch()} loading={day.isFetching}>
            {t('refresh')}
          </Button>
        </Space>
      }
    >
      {day.isError ? <ErrorAlert error={day.error} onRetry={() => void day.refetch()} /> : null}
      <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
        {counts.map(([key, text, color]) => (
          <Col key={key} xs={key === 'alerts' ? 24 : 8} sm={6} lg={3}>
            <Card size="small" className="oc-clickable-row" onClick={() => scrollToSection(key)}>
              <Statistic
                title={text}
                value={d?.counts[key] ?? 0}
                loading={!d}
                styles={{ content: { color: color && d?.counts[key] ? color : undefined, fontSize: 22 } }}
              />
            </Card>
          </Col>
        ))}
      </Row>
      {d ? (
        <>
          {section(
            'alerts',
            t('alerts'),
            d.alerts.length,
            <Rows<AlertItem>
              rows={d.alerts}
              rowKey={(a) => a.id}
              empty={empty}
              rowProps={(a) => ({ 'data-alert-id': a.id })}
              columns={[
                { key: 'name', title: t('patient'), mobile: 'title', render: (a) => <strong>{a.name}</strong> },
                {
                  key: 'reading',
                  title: t('reading'),
                  mobile: 'extra',
                  width: 130,
                  render: (a) => <Tag color="red">{readingText(a)}</Tag>,
                },
                {
                  key: 'reasons',
                  title: t('reasons'),
                  render: (a) => (
                    <Typography.Text type="danger">
                      {a.reasons.join('；')}
                      {a.note ? `（${a.note}）` : ''}
                    </Typography.Text>
                  ),
                },
                { key: 'member', title: t('gridMember'), width: 90, render: (a) => a.memberName },
                { key: 'time', title: t('time'), width: 140, render: (a) => formatDateTime(a.recordedAt) },
                {
                  key: 'actions',
                  title: t('actions'),
                  width: 150,
                  mobile: 'actions',
                  render: (a) => (
                    <Space>
                      <Button
                        type="primary"
                        danger
                        size={mobile ? 'large' : 'small'}
                        disabled={a.caseId === null}
                        title={a.caseId === null ? t('noCase') : undefined}
                        onClick={() => a.caseId !== null && setTarget({ caseId: a.caseId, alertId: a.id })}
                      >
                        {t('followup')}
                      </Button>
                      <Button size={mobile ? 'large' : 'small'} onClick={() => setHandling(a)}>
                        {t('handle')}
                      </Button>
                    </Space>
                  ),
                },
              ]}
            />,
          )}
          {section('overdue', t('overdue'), d.counts.overdue, dueRows(d.overdue))}
          {section('today', t('dueToday'), d.counts.today, dueRows(d.today))}
          {section('week', t('dueWeek'), d.counts.week, dueRows(d.week))}
          {section(
            'drafts',
            t('drafts'),
            d.counts.drafts,
            <LinkList
              empty={empty}
              items={d.drafts.map((r) => ({
                key: r.id,
                to: `/referrals/${r.id}`,
                title: r.residentName,
                sub: r.reason,
                tag: r.urgency === 'emergency' ? <Tag color="red">{t('referralEmergency')}</Tag> : null,
              }))}
            />,
          )}
          {section(
            'tasks',
            t('downTasks'),
            d.counts.tasks,
            <LinkList
              empty={empty}
              items={d.tasks.map((r) => ({
                key: r.id,
                to: '/referral-tasks',
                title: r.residentName,
                sub: `${r.title}${r.dueOn ? ` · ${t('dueOn')} ${r.dueOn}` : ''}`,
              }))}
            />,
            <Link to="/referral-tasks">{t('viewAll')}</Link>,
          )}
          {section(
            'renewals',
            t('renewals'),
            d.counts.renewals,
            <LinkList
              empty={empty}
              items={d.renewals.map((r) => ({
                key: r.contractId,
                to: '/fd/contracts?view=renewal',
                title: r.name,
                sub: `${t('signedTo')} ${r.signedTo}`,
              }))}
            />,
            <Link to="/fd/contracts?view=renewal">{t('viewAll')}</Link>,
          )}
        </>
      ) : null}
      {target ? <FollowupForm key={target.caseId} target={target} onClose={() => setTarget(null)} /> : null}
      {handling ? <HandleModal alert={handling} onClose={() => setHandling(null)} /> : null}
      {calling ? <CallModal item={calling} onClose={() => setCalling(null)} /> : null}
    </Page>
  );
}

function scrollToSection(key: string) {
  document.getElementById(`day-${key}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
}

export function readingText(a: { kind: string; sbp: number | null; dbp: number | null; glucose: number | null }) {
  const parts: string[] = [];
  if (a.sbp !== null && a.dbp !== null) parts.push(`${a.sbp}/${a.dbp} mmHg`);
  if (a.glucose !== null) parts.push(`${a.glucose} mmol/L`);
  return parts.join(' · ') || '—';
}

function LinkList({
  items,
  empty,
}: {
  items: Array<{ key: number; to: string; title: string; sub: string; tag?: ReactNode }>;
  empty: ReactNode;
}) {
  if (items.length === 0) return <>{empty}</>;
  return (
    <div className="oc-list-cards">
      {items.map((i) => (
        <Link key={i.key} to={i.to} className="oc-list-card" style={{ display: 'block', color: 'inherit' }}>
          <Space wrap>
            <strong>{i.title}</strong>
            {i.tag}
            <Typography.Text type="secondary">{i.sub}</Typography.Text>
          </Space>
        </Link>
      ))}
    </div>
  );
}

function HandleModal({ alert, onClose }: { alert: AlertItem; onClose: () => void }) {
  const t = useT(chronicMessages);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [note, setNote] = useState('');
  const handle = useMutation({
    mutationFn: () =>
      apiSend('POST', `/api/grid/readings/${alert.id}/handle`, note.trim() ? { note: note.trim() } : {}, okId),
    onSuccess: () => {
      void message.success(t('handled'));
      void qc.invalidateQueries({ queryKey: CHRONIC_KEY });
      onClose();
    },
  });
  return (
    <Modal
      open
      title={`${t('handleTitle')} · ${alert.name}`}
      onCancel={onClose}
      onOk={() => handle.mutate()}
      okText={t('handle')}
      confirmLoading={handle.isPending}
    >
      <Typography.Paragraph type="danger">
        {readingText(alert)} · {alert.reasons.join('；')}
      </Typography.Paragraph>
      <Input.TextArea
        rows={3}
        maxLength={200}
        placeholder={t('handleNote')}
        aria-label={t('handleNote')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      {handle.isError ? (
        <div style={{ marginTop: 12 }}>
          <ErrorAlert error={handle.error} />
        </div>
      ) : null}
    </Modal>
  );
}

function CallModal({ item, onClose }: { item: DueItem; onClose: () => void }) {
  const t = useT(chronicMessages);
  const lang = useLang();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [outcome, setOutcome] = useState<string>('reached');
  const [note, setNote] = useState('');
  const call = useMutation({
    mutationFn: () =>
      apiSend(
        'POST',
        '/api/chronic/calls',
        { caseId: item.caseId, outcome, on: todayShanghai(), ...(note.trim() ? { note: note.trim() } : {}) },
        okId,
      ),
    onSuccess: () => {
      void message.success(t('callSaved'));
      void qc.invalidateQueries({ queryKey: CHRONIC_KEY });
      onClose();
    },
  });
  return (
    <Modal
      open
      title={`${t('callTitle')} · ${item.name}${item.mobile ? ` ${item.mobile}` : ''}`}
      onCancel={onClose}
      onOk={() => call.mutate()}
      okText={t('save')}
      confirmLoading={call.isPending}
    >
      <Radio.Group
        value={outcome}
        onChange={(e) => setOutcome(e.target.value as string)}
        options={options(CALL_OUTCOME, lang)}
        style={{ marginBottom: 12, rowGap: 8 }}
      />
      {outcome === 'moved' || outcome === 'died' || outcome === 'refused' ? (
        <Typography.Paragraph type="warning">{t('callEnds')}</Typography.Paragraph>
      ) : null}
      <Input.TextArea
        rows={2}
        maxLength={300}
        placeholder={t('note')}
        aria-label={t('note')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      {call.isError ? (
        <div style={{ marginTop: 12 }}>
          <ErrorAlert error={call.error} />
        </div>
      ) : null}
    </Modal>
  );
}
