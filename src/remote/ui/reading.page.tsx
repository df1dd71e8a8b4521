import { Alert, App, Button, Card, Col, Input, Modal, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useCurrentUser } from '../../web/current-user.ts';
import { useT } from '../../web/i18n.ts';
import { Page } from '../../web/page.tsx';
import { useRemoteLive, useReportStep, useRequest, useRequestStep, type RequestDetail } from './remote.api.ts';
import { DueText, PriorityTag, StatusTag, word } from './remote-labels.tsx';
import { remoteMessages } from './remote.i18n.ts';
import { ReportCard, ReportForm, RequestTimeline, type DraftValues } from './report-parts.tsx';
import { ReadingCritical, ReadingViewer } from './request-extras.tsx';

/** 阅片与报告: the study on the left, the structured report on the right; review and amendment for the second doctor. */
export function RemoteReadingPage() {
  const t = useT(remoteMessages);
  const id = Number(useParams().id);
  const navigate = useNavigate();
  useRemoteLive();
  const request = useRequest(id);
  const d = request.data;
  return (
    <Page
      title={d ? `${t('readingTitle')} · ${d.accession}` : t('readingTitle')}
      extra={<Button onClick={() => void navigate('/remote/worklist')}>{t('back')}</Button>}
    >
      {request.isError ? <Alert type="error" title={request.error.message} /> : null}
      {d ? (
        <Row gutter={[12, 12]}>
          <Col xs={24} xl={14}>
            <ReadingViewer d={d} />
          </Col>
          <Col xs={24} xl={10}>
            <Summary d={d} />
            <ReportArea d={d} />
            <ReadingCritical d={d} />
            <Card size="small" title={t('timeline')} style={{ marginTop: 12 }}>
              <RequestTimeline detail={d} />
            </Card>
          </Col>
        </Row>
      ) : null}
    </Page>
  );
}

function Summary({ d }: { d: RequestDetail }) {
  const t = useT(remoteMessages);
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <Space wrap>
        <PriorityTag t={t} value={d.priority} />
        <StatusTag t={t} value={d.status} />
        <DueText t={t} minutes={d.minutesToDue} overdue={d.overdue} />
        <b>{d.residentName}</b>
        <span>
          {word(t, 'centre', d.centre)} · {d.itemName}
        </span>
        <span>{d.requestingOrgName}</span>
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        {t('clinicalInfo')}：{d.clinicalInfo ?? '—'}
      </Typography.Paragraph>
    </Card>
  );
}

function ReportArea({ d }: { d: RequestDetail }) {
  const t = useT(remoteMessages);
  const { message } = App.useApp();
  const me = useCurrentUser();
  const step = useRequestStep(d.id);
  const reportStep = useReportStep(d.id);
  const [modal, setModal] = useState<null | 'return' | 'amend'>(null);
  const [reason, setReason] = useState('');
  const open = d.reports.find((r) => r.status === 'draft' || r.status === 'submitted');
  const issued = d.reports.find((r) => r.status === 'issued');
  const fail = (e: Error) => void message.error(e.message);
  const save = (v: DraftValues, then?: () => void) =>
    step.mutate(
      { step: 'report', method: 'PUT', body: { ...v, findings: v.findings ?? '', conclusion: v.conclusion ?? '' } },
      { onSuccess: () => (then ? then() : void message.success(t('saved'))), onError: fail },
    );

  let body = null;
  if (d.status === 'ready')
    body = (
      <Button
        type="primary"
        data-testid="reading-claim"
        onClick={() => step.mutate({ step: 'claim' }, { onError: fail })}
      >
        {t('claim')}
      </Button>
    );
  else if (d.status === 'claimed' && d.claimedBy === me.id)
    body = (
      <ReportForm
        key={open?.id ?? 'new'}
        centre={d.centre}
        initial={open ?? issued ?? { abnormal: false }}
        disabled={false}
        saving={step.isPending}
        onSave={(v) => save(v)}
        onSubmit={(v) =>
          save(v, () =>
            step.mutate(
              { step: 'report/submit' },
              { onSuccess: () => void message.success(t('submitted')), onError: fail },
            ),
          )
        }
      />
    );
  else if (d.status === 'in_review' && open)
    body = (
      <>
        <ReportCard report={open} centre={d.centre} />
        {open.authorId !== me.id ? (
          <Space>
            <Button
              type="primary"
              data-testid="report-issue"
              loading={reportStep.isPending}
              onClick={() =>
                reportStep.mutate(
                  { reportId: open.id, step: 'issue' },
                  { onSuccess: () => void message.success(t('issued')), onError: fail },
                )
              }
            >
              {t('issue')}
            </Button>
            <Button onClick={() => setModal('return')}>{t('returnToAuthor')}</Button>
          </Space>
        ) : null}
      </>
    );
  else if (d.status === 'issued' && issued)
    body = (
      <>
        <ReportCard report={issued} centre={d.centre} />
        <Button onClick={() => setModal('amend')} data-testid="report-amend">
          {t('amend')}
        </Button>
      </>
    );
  else if (open) body = <ReportCard report={open} centre={d.centre} />;

  return (
    <Card size="small" title={t('report')}>
      {body ?? <Typography.Text type="secondary">{t('noReport')}</Typography.Text>}
      <Modal
        open={modal !== null}
        title={modal === 'amend' ? t('amend') : t('returnToAuthor')}
        onCancel={() => setModal(null)}
        onOk={() => {
          const done = { onSuccess: () => setModal(null), onError: fail };
          if (modal === 'amend') step.mutate({ step: 'amend', body: { reason } }, done);
          else if (open) reportStep.mutate({ reportId: open.id, step: 'return', body: { reason } }, done);
        }}
      >
        <Input.TextArea
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={modal === 'amend' ? t('amendReason') : t('returnReason')}
        />
      </Modal>
    </Card>
  );
}
