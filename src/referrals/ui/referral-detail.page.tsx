import { Button, Card, Col, Descriptions, Input, Row, Space, Tag, Timeline, Typography, Upload } from 'antd';
import { ItemList } from '../../web/kit/item-list.tsx';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useCurrentUser } from '../../web/current-user.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { formatDateTime } from '../../web/format.ts';
import { translate, useLang, useT, type Lang, type Translate } from '../../web/i18n.ts';
import { PrintButton } from '../../web/kit/print.tsx';
import { Page } from '../../web/page.tsx';
import { ACTION_LABELS, STATUS_LABELS, type ReferralAction, type ReferralStatus } from '../referral.states.ts';
import { AdmissionRequest } from './admission-request.tsx';
import { ReferralActions } from './referral-actions.tsx';
import { STATUS_COLORS, URGENCY_COLORS } from './referral-labels.ts';
import { ReferralSlip } from './referral-slip.tsx';
import { uploadAttachment, useAddNote, useReferral, useReferralStream } from './referrals.api.ts';
import {
  referralActionText,
  referralDetailMessages,
  referralStatusText,
  referralWords,
  urgencyText,
} from './referrals.i18n.ts';

/** one format in both languages (src/web/format.ts); `lang` kept for the callers */
const time = (iso: string | null, _lang?: Lang) => formatDateTime(iso);
const actionLabel = (a: string, t: Translate<typeof referralDetailMessages>, lang: Lang) =>
  a === 'create'
    ? t('eventCreate')
    : a === 'escalate'
      ? t('eventEscalate')
      : a === 'follow_up'
        ? t('eventFollowUp')
        : Object.hasOwn(ACTION_LABELS, a)
          ? referralActionText(a as ReferralAction, lang)
          : a;
const statusText = (s: string, lang: Lang) =>
  Object.hasOwn(STATUS_LABELS, s) ? referralStatusText(s as ReferralStatus, lang) : s;

/**
 * What an event did to the status, in words: "已到院 → 诊疗完成" (not the action's name
 * repeated as its result); "状态：待接收" for the first event; nothing for a note or an
 * escalation, which leave the status as it was.
 */
function statusChange(from: string | null, to: string, lang: Lang): string | null {
  if (from === null) return translate(referralDetailMessages, lang, 'statusFirst', { status: statusText(to, lang) });
  if (from === to) return null;
  return `${statusText(from, lang)} → ${statusText(to, lang)}`;
}

/** 转诊单: content, the allowed actions, the whole timeline of the loop, tasks, follow-ups and files. */
export function ReferralDetailPage() {
  const t = useT(referralDetailMessages);
  const w = useT(referralWords);
  const lang = useLang();
  const id = Number(useParams().id);
  const me = useCurrentUser();
  const ref = useReferral(id);
  const note = useAddNote();
  const [drafts, setDrafts] = useState<Record<number, string>>({});
  const [uploadError, setUploadError] = useState<string | null>(null);
  useReferralStream();
  if (ref.isError)
    return (
      <Page title={t('title')}>
        <ErrorAlert error={ref.error} />
      </Page>
    );
  const r = ref.data;
  if (!r)
    return (
      <Page title={t('title')}>
        <Card loading />
      </Page>
    );
  const summary = (r.summary ?? {}) as { vitals?: Record<string, number>; history?: string; medications?: string };
  const v = summary.vitals ?? {};
  const mayNote = (orgId: number) => me.org.id === orgId;

  return (
    <Page
      title={
        <Space>
          {t('titleWithId', { id: r.id })}
          <Tag color={STATUS_COLORS[r.status]} data-testid="referral-status">
            {referralStatusText(r.status, lang)}
          </Tag>
          {r.priority ? <Tag color="gold">{w('priority')}</Tag> : null}
        </Space>
      }
      extra={
        <Space wrap>
          <PrintButton
            label={t('printSlip')}
            title={t('slipTitle')}
            paper="a4"
            render={() => <ReferralSlip referral={r} />}
          />
          <ReferralActions referral={r} />
        </Space>
      }
    >
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('info')} style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={2}
              items={[
                {
                  label: t('patient'),
                  children: t('patientLine', {
                    name: r.resident.name,
                    sex: r.resident.sex === 'M' ? t('male') : t('female'),
                    age: r.resident.age,
                  }),
                },
                { label: t('idNumber'), children: <span className="oc-mono">{r.resident.idNumber}</span> },
                {
                  label: t('direction'),
                  children: r.direction === 'up' ? (r.outOfCounty ? w('upOutOfCounty') : w('up')) : w('down'),
                },
                {
                  label: t('urgency'),
                  children: <Tag color={URGENCY_COLORS[r.urgency]}>{urgencyText(r.urgency, lang)}</Tag>,
                },
                { label: t('from'), children: `${r.fromOrg.name} · ${r.fromStaff.name}` },
                { label: t('to'), children: `${r.toOrg.name}${r.toDepartment ? ` · ${r.toDepartment.name}` : ''}` },
                { label: t('diagnosis'), children: `${r.diagnosis.code} ${r.diagnosis.name}` },
                { label: t('deadline'), children: time(r.deadlineAt, lang) },
                { label: t('reason'), span: 2, children: r.reason },
                {
                  label: t('vitals'),
                  span: 2,
                  children:
                    [
                      v.sbp && t('bloodPressure', { sbp: v.sbp, dbp: v.dbp ?? '-' }),
                      v.heartRate && t('heartRate', { v: v.heartRate }),
                      v.temperature && t('temperature', { v: v.temperature }),
                      v.spo2 && t('spo2', { v: v.spo2 }),
                    ]
                      .filter(Boolean)
                      .join(t('listSeparator')) || '—',
                },
                { label: t('history'), span: 2, children: summary.history ?? '—' },
                { label: t('medications'), span: 2, children: summary.medications ?? '—' },
                ...(r.outReason ? [{ label: t('outReason'), span: 2, children: r.outReason }] : []),
                ...(r.decisionNote ? [{ label: t('decisionNote'), span: 2, children: r.decisionNote }] : []),
                ...(r.dischargeSummary
                  ? [{ label: t('dischargeSummary'), span: 2, children: r.dischargeSummary }]
                  : []),
                {
                  label: t('consent'),
                  children: r.consentBy
                    ? `${r.consentBy === 'patient' ? t('consentPatient') : t('consentGuardian')} · ${time(r.consentAt, lang)}`
                    : t('notRecorded'),
                },
              ]}
            />
            {r.suggestDown ? <Typography.Text type="success">{t('suggestDown')}</Typography.Text> : null}
            <AdmissionRequest referral={r} />
          </Card>
          {r.tasks.length ? (
            <Card size="small" title={t('tasks')} style={{ marginBottom: 16 }}>
              <ItemList
                dataSource={r.tasks}
                renderItem={(task) => (
                  <ItemList.Item key={task.id} data-testid={`task-${task.id}`}>
                    <div style={{ width: '100%' }}>
                      <Space>
                        <Typography.Text strong>{task.title}</Typography.Text>
                        <Tag>{task.orgName}</Tag>
                        <Tag color={task.status === 'open' ? 'blue' : task.status === 'confirmed' ? 'cyan' : 'green'}>
                          {{ open: t('taskOpen'), confirmed: t('taskConfirmed'), done: t('taskDone') }[task.status]}
                        </Tag>
                      </Space>
                      {task.notes.map((n) => (
                        <div key={n.id}>
                          <Typography.Text type="secondary">
                            {time(n.at, lang)} {t('noteAuthor', { author: n.authorName })}
                          </Typography.Text>
                          {n.text}
                        </div>
                      ))}
                      {mayNote(task.orgId) && task.status === 'confirmed' ? (
                        <Space.Compact style={{ width: '100%', marginTop: 6 }}>
                          <Input
                            placeholder={t('notePlaceholder')}
                            value={drafts[task.id] ?? ''}
                            onChange={(e) => setDrafts({ ...drafts, [task.id]: e.target.value })}
                            aria-label={t('noteLabel')}
                          />
                          <Button
                            loading={note.isPending}
                            onClick={() =>
                              note.mutate(
                                { taskId: task.id, text: drafts[task.id] ?? '' },
                                { onSuccess: () => setDrafts({ ...drafts, [task.id]: '' }) },
                              )
                            }
                          >
                            {t('addNote')}
                          </Button>
                        </Space.Compact>
                      ) : null}
                    </div>
                  </ItemList.Item>
                )}
              />
              {note.isError ? <ErrorAlert error={note.error} /> : null}
            </Card>
          ) : null}
          <Card size="small" title={t('attachments')}>
            <ItemList
              size="small"
              dataSource={r.attachments}
              locale={{ emptyText: t('noAttachments') }}
              renderItem={(a) => (
                <ItemList.Item>
                  <a href={`/api/referral-attachments/${a.id}`}>{a.filename}</a>
                  <span>{Math.ceil(a.sizeBytes / 1024)} KB</span>
                </ItemList.Item>
              )}
            />
            <Upload
              showUploadList={false}
              accept=".pdf,.jpg,.jpeg,.png"
              customRequest={(opt) => {
                setUploadError(null);
                uploadAttachment(r.id, opt.file as File, me.csrfToken)
                  .then(() => {
                    void ref.refetch();
                    opt.onSuccess?.({});
                  })
                  .catch((e: Error) => {
                    setUploadError(e.message);
                    opt.onError?.(e);
                  });
              }}
            >
              <Button style={{ marginTop: 8 }}>{t('upload')}</Button>
            </Upload>
            {uploadError ? <Typography.Text type="danger"> {uploadError}</Typography.Text> : null}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('timeline')} data-testid="timeline">
            <Timeline
              items={r.events.map((e) => ({
                key: e.id,
                color: e.action === 'escalate' ? 'red' : e.action === 'reject' ? 'red' : 'blue',
                content: (
                  <div>
                    <Typography.Text strong>{actionLabel(e.action, t, lang)}</Typography.Text>{' '}
                    {statusChange(e.fromStatus, e.toStatus, lang) ? (
                      <Typography.Text type="secondary" data-testid="timeline-change">
                        {statusChange(e.fromStatus, e.toStatus, lang)}
                      </Typography.Text>
                    ) : null}
                    <br />
                    <Typography.Text type="secondary">
                      {time(e.at, lang)} · {e.actorName}
                    </Typography.Text>
                    {e.note ? <div>{e.note}</div> : null}
                  </div>
                ),
              }))}
            />
            {r.related.length ? (
              <>
                <Typography.Text strong>{t('related')}</Typography.Text>
                <ItemList
                  size="small"
                  dataSource={r.related}
                  renderItem={(x) => (
                    <ItemList.Item>
                      <Link to={`/referrals/${x.id}`}>
                        #{x.id} {x.direction === 'up' ? w('up') : w('down')} {x.fromOrgName} → {x.toOrgName}
                      </Link>
                      <Tag color={STATUS_COLORS[x.status]}>{referralStatusText(x.status, lang)}</Tag>
                    </ItemList.Item>
                  )}
                />
              </>
            ) : null}
          </Card>
        </Col>
      </Row>
    </Page>
  );
}
