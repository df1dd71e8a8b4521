import { Button, Card, Col, Descriptions, Input, List, Row, Space, Tag, Timeline, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useCurrentUser } from '../../web/current-user.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { Page } from '../../web/page.tsx';
import {
  ACTION_LABELS,
  STATUS_LABELS,
  URGENCY_LABELS,
  type ReferralAction,
  type ReferralStatus,
} from '../referral.states.ts';
import { AdmissionRequest } from './admission-request.tsx';
import { ReferralActions } from './referral-actions.tsx';
import { STATUS_COLORS, URGENCY_COLORS } from './referral-labels.ts';
import { uploadAttachment, useAddNote, useReferral, useReferralStream } from './referrals.api.ts';

const time = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '—';
const actionLabel = (a: string) =>
  a === 'create'
    ? '创建'
    : a === 'escalate'
      ? '超时升级'
      : a === 'follow_up'
        ? '随访记录'
        : (ACTION_LABELS[a as ReferralAction] ?? a);

const statusLabel = (s: string) => STATUS_LABELS[s as ReferralStatus] ?? s;
/**
 * What an event did to the status, in words: "已到院 → 诊疗完成" (not the action's name
 * repeated as its result); "状态：待接收" for the first event; nothing for a note or an
 * escalation, which leave the status as it was.
 */
function statusChange(from: string | null, to: string): string | null {
  if (from === null) return `状态：${statusLabel(to)}`;
  if (from === to) return null;
  return `${statusLabel(from)} → ${statusLabel(to)}`;
}

/** 转诊单: content, the allowed actions, the whole timeline of the loop, tasks, follow-ups and files. */
export function ReferralDetailPage() {
  const id = Number(useParams().id);
  const me = useCurrentUser();
  const ref = useReferral(id);
  const note = useAddNote();
  const [drafts, setDrafts] = useState<Record<number, string>>({});
  const [uploadError, setUploadError] = useState<string | null>(null);
  useReferralStream();
  if (ref.isError)
    return (
      <Page title="转诊单">
        <ErrorAlert error={ref.error} />
      </Page>
    );
  const r = ref.data;
  if (!r)
    return (
      <Page title="转诊单">
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
          转诊单 #{r.id}
          <Tag color={STATUS_COLORS[r.status]} data-testid="referral-status">
            {STATUS_LABELS[r.status]}
          </Tag>
          {r.priority ? <Tag color="gold">三优先</Tag> : null}
        </Space>
      }
      extra={<ReferralActions referral={r} />}
    >
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card size="small" title="转诊信息" style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={2}
              items={[
                {
                  label: '患者',
                  children: `${r.resident.name}（${r.resident.sex === 'M' ? '男' : '女'}，${r.resident.age}岁）`,
                },
                { label: '身份证号', children: <span className="oc-mono">{r.resident.idNumber}</span> },
                { label: '方向', children: r.direction === 'up' ? (r.outOfCounty ? '上转（县外）' : '上转') : '下转' },
                {
                  label: '紧急程度',
                  children: <Tag color={URGENCY_COLORS[r.urgency]}>{URGENCY_LABELS[r.urgency]}</Tag>,
                },
                { label: '转出', children: `${r.fromOrg.name} · ${r.fromStaff.name}` },
                { label: '转入', children: `${r.toOrg.name}${r.toDepartment ? ` · ${r.toDepartment.name}` : ''}` },
                { label: '初步诊断', children: `${r.diagnosis.code} ${r.diagnosis.name}` },
                { label: '接收时限', children: time(r.deadlineAt) },
                { label: '转诊原因', span: 2, children: r.reason },
                {
                  label: '生命体征',
                  span: 2,
                  children:
                    [
                      v.sbp && `血压 ${v.sbp}/${v.dbp ?? '-'} mmHg`,
                      v.heartRate && `心率 ${v.heartRate}`,
                      v.temperature && `体温 ${v.temperature}℃`,
                      v.spo2 && `血氧 ${v.spo2}%`,
                    ]
                      .filter(Boolean)
                      .join('，') || '—',
                },
                { label: '病史', span: 2, children: summary.history ?? '—' },
                { label: '用药', span: 2, children: summary.medications ?? '—' },
                ...(r.outReason ? [{ label: '外转原因', span: 2, children: r.outReason }] : []),
                ...(r.decisionNote ? [{ label: '处理意见', span: 2, children: r.decisionNote }] : []),
                ...(r.dischargeSummary ? [{ label: '出院小结', span: 2, children: r.dischargeSummary }] : []),
                {
                  label: '知情同意',
                  children: r.consentBy
                    ? `${r.consentBy === 'patient' ? '患者本人' : '监护人'} · ${time(r.consentAt)}`
                    : '未记录',
                },
              ]}
            />
            {r.suggestDown ? (
              <Typography.Text type="success">该病种稳定后建议下转基层（分级诊疗指引）</Typography.Text>
            ) : null}
            <AdmissionRequest referral={r} />
          </Card>
          {r.tasks.length ? (
            <Card size="small" title="下转任务与随访" style={{ marginBottom: 16 }}>
              <List
                dataSource={r.tasks}
                renderItem={(t) => (
                  <List.Item key={t.id} data-testid={`task-${t.id}`}>
                    <div style={{ width: '100%' }}>
                      <Space>
                        <Typography.Text strong>{t.title}</Typography.Text>
                        <Tag>{t.orgName}</Tag>
                        <Tag color={t.status === 'open' ? 'blue' : t.status === 'confirmed' ? 'cyan' : 'green'}>
                          {{ open: '待确认', confirmed: '已确认', done: '已完成' }[t.status]}
                        </Tag>
                      </Space>
                      {t.notes.map((n) => (
                        <div key={n.id}>
                          <Typography.Text type="secondary">
                            {time(n.at)} {n.authorName}：
                          </Typography.Text>
                          {n.text}
                        </div>
                      ))}
                      {mayNote(t.orgId) && t.status === 'confirmed' ? (
                        <Space.Compact style={{ width: '100%', marginTop: 6 }}>
                          <Input
                            placeholder="随访/康复记录"
                            value={drafts[t.id] ?? ''}
                            onChange={(e) => setDrafts({ ...drafts, [t.id]: e.target.value })}
                            aria-label="随访记录"
                          />
                          <Button
                            loading={note.isPending}
                            onClick={() =>
                              note.mutate(
                                { taskId: t.id, text: drafts[t.id] ?? '' },
                                { onSuccess: () => setDrafts({ ...drafts, [t.id]: '' }) },
                              )
                            }
                          >
                            记录
                          </Button>
                        </Space.Compact>
                      ) : null}
                    </div>
                  </List.Item>
                )}
              />
              {note.isError ? <ErrorAlert error={note.error} /> : null}
            </Card>
          ) : null}
          <Card size="small" title="附件（PDF/JPEG/PNG，≤5 MB）">
            <List
              size="small"
              dataSource={r.attachments}
              locale={{ emptyText: '暂无附件' }}
              renderItem={(a) => (
                <List.Item>
                  <a href={`/api/referral-attachments/${a.id}`}>{a.filename}</a>
                  <span>{Math.ceil(a.sizeBytes / 1024)} KB</span>
                </List.Item>
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
              <Button style={{ marginTop: 8 }}>上传附件</Button>
            </Upload>
            {uploadError ? <Typography.Text type="danger"> {uploadError}</Typography.Text> : null}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title="全程时间线" data-testid="timeline">
            <Timeline
              items={r.events.map((e) => ({
                key: e.id,
                color: e.action === 'escalate' ? 'red' : e.action === 'reject' ? 'red' : 'blue',
                children: (
                  <div>
                    <Typography.Text strong>{actionLabel(e.action)}</Typography.Text>{' '}
                    {statusChange(e.fromStatus, e.toStatus) ? (
                      <Typography.Text type="secondary" data-testid="timeline-change">
                        {statusChange(e.fromStatus, e.toStatus)}
                      </Typography.Text>
                    ) : null}
                    <br />
                    <Typography.Text type="secondary">
                      {time(e.at)} · {e.actorName}
                    </Typography.Text>
                    {e.note ? <div>{e.note}</div> : null}
                  </div>
                ),
              }))}
            />
            {r.related.length ? (
              <>
                <Typography.Text strong>关联转诊</Typography.Text>
                <List
                  size="small"
                  dataSource={r.related}
                  renderItem={(x) => (
                    <List.Item>
                      <Link to={`/referrals/${x.id}`}>
                        #{x.id} {x.direction === 'up' ? '上转' : '下转'} {x.fromOrgName} → {x.toOrgName}
                      </Link>
                      <Tag color={STATUS_COLORS[x.status]}>{STATUS_LABELS[x.status]}</Tag>
                    </List.Item>
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
