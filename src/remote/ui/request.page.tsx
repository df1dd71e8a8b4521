import { Alert, App, Button, Card, Col, Descriptions, Input, Modal, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useCurrentUser, useMayCall } from '../../web/current-user.ts';
import { formatDateTime } from '../../web/format.ts';
import { useT } from '../../web/i18n.ts';
import { Page } from '../../web/page.tsx';
import { useRemoteLive, useRequest, useRequestStep, type RequestDetail } from './remote.api.ts';
import { DueText, PriorityTag, StatusTag, word } from './remote-labels.tsx';
import { remoteMessages } from './remote.i18n.ts';
import { ReportCard, RequestTimeline } from './report-parts.tsx';
import { RequestExtras } from './request-extras.tsx';

/** The requester's view of one reading: its report versions (which one they acted on), studies, critical values, timeline. */
export function RemoteRequestPage() {
  const t = useT(remoteMessages);
  const id = Number(useParams().id);
  const navigate = useNavigate();
  useRemoteLive();
  const request = useRequest(id);
  const d = request.data;
  return (
    <Page
      title={d ? t('requestTitle', { accession: d.accession }) : t('requestsTitle')}
      extra={<Button onClick={() => void navigate(-1)}>{t('back')}</Button>}
    >
      {request.isError ? <Alert type="error" title={request.error.message} /> : null}
      {d ? <RequestBody d={d} /> : null}
    </Page>
  );
}

function ReadNotice({ d }: { d: RequestDetail }) {
  const t = useT(remoteMessages);
  const { message } = App.useApp();
  const step = useRequestStep(d.id);
  const mayRead = useMayCall('POST /api/remote/requests/:id/read');
  const me = useCurrentUser();
  if (!mayRead || d.currentVersion === null || me.org.id !== d.requestingOrgId) return null;
  if (d.myReadVersion === d.currentVersion)
    return (
      <Alert type="success" showIcon title={t('readDone', { n: d.currentVersion })} style={{ marginBottom: 12 }} />
    );
  const amended = d.myReadVersion !== null && d.myReadVersion < d.currentVersion;
  return (
    <Alert
      type={amended ? 'warning' : 'info'}
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="read-notice"
      title={
        amended ? t('amendmentNotice', { read: d.myReadVersion ?? 0, current: d.currentVersion }) : t('readNotice')
      }
      action={
        <Button
          size="small"
          type="primary"
          loading={step.isPending}
          onClick={() => step.mutate({ step: 'read' }, { onError: (e) => void message.error(e.message) })}
        >
          {t('markRead')}
        </Button>
      }
    />
  );
}

function RequestBody({ d }: { d: RequestDetail }) {
  const t = useT(remoteMessages);
  const { message } = App.useApp();
  const step = useRequestStep(d.id);
  const mayCancel = useMayCall('POST /api/remote/requests/:id/cancel');
  const [reason, setReason] = useState('');
  const [cancelling, setCancelling] = useState(false);
  const visible = d.reports.filter((r) => r.status === 'issued' || r.status === 'superseded').reverse();
  return (
    <>
      <ReadNotice d={d} />
      {d.recognisedFrom ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('recognisedFrom', {
            accession: d.recognisedFrom.accession,
            n: d.recognisedFrom.version,
            conclusion: d.recognisedFrom.conclusion,
          })}
        />
      ) : null}
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={14}>
          <Card size="small" style={{ marginBottom: 12 }}>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
              <Descriptions.Item label={t('status')}>
                <Space>
                  <StatusTag t={t} value={d.status} />
                  <DueText t={t} minutes={d.minutesToDue} overdue={d.overdue} />
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('priority')}>
                <PriorityTag t={t} value={d.priority} />
              </Descriptions.Item>
              <Descriptions.Item label={t('resident')}>{d.residentName}</Descriptions.Item>
              <Descriptions.Item label={t('item')}>
                {word(t, 'centre', d.centre)} · {d.itemName}
              </Descriptions.Item>
              <Descriptions.Item label={t('requestingOrg')}>
                {d.requestingOrgName} · {d.requestingStaffName}
              </Descriptions.Item>
              <Descriptions.Item label={t('readingOrg')}>{d.readingOrgName}</Descriptions.Item>
              <Descriptions.Item label={t('requestedAt')}>{formatDateTime(d.requestedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('dueAt')}>{formatDateTime(d.dueAt)}</Descriptions.Item>
              <Descriptions.Item label={t('source')}>{word(t, 'source', d.source)}</Descriptions.Item>
              {d.consentBy ? (
                <Descriptions.Item label={t('consentBy')}>
                  {d.consentBy} {formatDateTime(d.consentAt)}
                </Descriptions.Item>
              ) : null}
              <Descriptions.Item label={t('clinicalInfo')} span={2}>
                {d.clinicalInfo ?? '—'}
              </Descriptions.Item>
            </Descriptions>
            {mayCancel && (d.status === 'awaiting_study' || d.status === 'ready') ? (
              <Button danger size="small" onClick={() => setCancelling(true)}>
                {t('cancel')}
              </Button>
            ) : null}
          </Card>
          {visible.length ? (
            visible.map((r) => <ReportCard key={r.id} report={r} centre={d.centre} />)
          ) : (
            <Typography.Paragraph type="secondary">{t('noReport')}</Typography.Paragraph>
          )}
          <RequestExtras d={d} />
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('timeline')}>
            <RequestTimeline detail={d} />
          </Card>
        </Col>
      </Row>
      <Modal
        open={cancelling}
        title={t('cancel')}
        onCancel={() => setCancelling(false)}
        onOk={() =>
          step.mutate(
            { step: 'cancel', body: { reason } },
            { onSuccess: () => setCancelling(false), onError: (e) => void message.error(e.message) },
          )
        }
      >
        <Input.TextArea
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('cancelReason')}
        />
      </Modal>
    </>
  );
}
