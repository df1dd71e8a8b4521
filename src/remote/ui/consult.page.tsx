import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Empty, List, Tag, Timeline, Typography, Upload } from 'antd';
import { Link, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useCurrentUser } from '../../web/current-user.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { formatDateTime, formatMoney } from '../../web/format.ts';
import { useT } from '../../web/i18n.ts';
import { PrintButton } from '../../web/kit/print.tsx';
import { Page } from '../../web/page.tsx';
import { CONSULTS_KEY, fileUrl, uploadConsultFile, useConsult, type ConsultDetail } from './consult.api.ts';
import { ConsultStepButtons } from './consult-steps.tsx';
import { CONSULT_STATUS_COLOR } from './consults.page.tsx';
import { consultMessages } from './consults.i18n.ts';

const OPEN = ['applied', 'accepted', 'scheduled', 'held', 'opinion_signed', 'decided'];

/** the opinion on A4, as the requesting clinic files it */
function OpinionDocument({ c }: { c: ConsultDetail }) {
  const t = useT(consultMessages);
  const row = (label: string, value: string | null) => (
    <p>
      <b>{label}：</b>
      {value ?? '—'}
    </p>
  );
  return (
    <div>
      <h2 style={{ textAlign: 'center' }}>{t('printTitle')}</h2>
      {row(t('no'), `#${c.id}`)}
      {row(t('patient'), `${c.patientName ?? ''} ${c.patientAge != null ? t('age', { n: c.patientAge }) : ''}`)}
      {row(t('requestingOrg'), `${c.requestingOrgName} ${c.requestingStaffName}`)}
      {row(t('invitedOrg'), `${c.invitedOrgName} ${c.opinionByName ?? ''} ${c.opinionByTitle ?? ''}`)}
      {row(t('mode'), t(`mode.${c.mode}` as 'none'))}
      {row(t('purpose'), c.purpose)}
      {row(t('clinicalSummary'), c.clinicalSummary)}
      {row(t('opinion'), c.opinion)}
      {row(t('signedAt'), formatDateTime(c.opinionSignedAt))}
      {c.decision ? row(t('decision'), `${c.decision}（${c.decidedByName ?? ''}）`) : null}
    </div>
  );
}

/** 远程会诊 one consultation: what was asked, the files, the steps this user may take, and the timeline */
export function ConsultPage() {
  const t = useT(consultMessages);
  const id = Number(useParams().id);
  const q = useConsult(id);
  const me = useCurrentUser();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const c = q.data;
  if (!c) return <Page title={t('title', { id })}>{q.isError ? <ErrorAlert error={q.error} /> : null}</Page>;
  const word = (key: string) => t(key as 'none');
  const sex = c.patientSex === 'M' ? t('sexM') : c.patientSex === 'F' ? t('sexF') : '';
  const canAdd = c.side !== 'viewer' && OPEN.includes(c.status);
  return (
    <Page
      title={
        <span>
          {t('title', { id: c.id })}{' '}
          <Tag color={CONSULT_STATUS_COLOR[c.status] ?? 'default'} data-testid="consult-status">
            {word(`status.${c.status}`)}
          </Tag>
        </span>
      }
      extra={<Link to="/remote/consults">{t('back')}</Link>}
    >
      <Card style={{ marginBottom: 16 }} data-testid="consult-steps">
        {c.side === 'invited' && c.mode === 'scheduled' && !c.consentAt && c.status === 'accepted' ? (
          <Alert type="info" showIcon title={t('consentMissing')} style={{ marginBottom: 12 }} />
        ) : null}
        <ConsultStepButtons c={c} />
        {c.opinion ? (
          <span style={{ marginLeft: 8 }}>
            <PrintButton
              label={t('print')}
              title={t('printTitle')}
              paper="a4"
              render={() => <OpinionDocument c={c} />}
            />
          </span>
        ) : null}
      </Card>
      <Card title={t('details')} style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, sm: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('patient')}>
            {`${c.patientName ?? '—'} ${sex} ${c.patientAge != null ? t('age', { n: c.patientAge }) : ''}`}
          </Descriptions.Item>
          <Descriptions.Item label={t('mode')}>{word(`mode.${c.mode}`)}</Descriptions.Item>
          <Descriptions.Item
            label={t('requestingOrg')}
          >{`${c.requestingOrgName} ${c.requestingStaffName}`}</Descriptions.Item>
          <Descriptions.Item label={t('invitedOrg')}>
            {`${c.invitedOrgName} ${c.invitedStaffName ?? ''} ${c.invitedStaffTitle ?? ''}`}
          </Descriptions.Item>
          <Descriptions.Item label={t('speciality')}>{c.speciality ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('fee')}>{formatMoney(c.feeFen)}</Descriptions.Item>
          <Descriptions.Item label={t('createdAt')}>{formatDateTime(c.createdAt)}</Descriptions.Item>
          {c.consentAt ? (
            <Descriptions.Item
              label={t('consentBy')}
            >{`${c.consentBy ?? ''}（${formatDateTime(c.consentAt)}）`}</Descriptions.Item>
          ) : null}
          {c.scheduledAt ? (
            <Descriptions.Item label={t('scheduledAt')}>{formatDateTime(c.scheduledAt)}</Descriptions.Item>
          ) : null}
          {c.videoLink ? (
            <Descriptions.Item label={t('videoLink')}>
              <a href={c.videoLink} target="_blank" rel="noreferrer noopener">
                {c.videoLink}
              </a>
            </Descriptions.Item>
          ) : null}
          {c.startedAt ? (
            <Descriptions.Item label={t('startedAt')}>
              {`${formatDateTime(c.startedAt)} – ${formatDateTime(c.endedAt)}`}
            </Descriptions.Item>
          ) : null}
          {c.declineReason ? <Descriptions.Item label={t('declineReason')}>{c.declineReason}</Descriptions.Item> : null}
          <Descriptions.Item label={t('purpose')} span={2}>
            {c.purpose}
          </Descriptions.Item>
          <Descriptions.Item label={t('clinicalSummary')} span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
              {c.clinicalSummary}
            </Typography.Paragraph>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {c.opinion ? (
        <Card title={t('opinion')} style={{ marginBottom: 16 }} data-testid="consult-opinion">
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{c.opinion}</Typography.Paragraph>
          <Typography.Text type="secondary">
            {`${c.opinionByName ?? ''} ${c.opinionByTitle ?? ''} · ${formatDateTime(c.opinionSignedAt)}`}
          </Typography.Text>
          {c.decision ? (
            <>
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                {t('decision')}
              </Typography.Title>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{c.decision}</Typography.Paragraph>
              <Typography.Text type="secondary">{`${c.decidedByName ?? ''} · ${formatDateTime(c.decidedAt)}`}</Typography.Text>
            </>
          ) : null}
        </Card>
      ) : null}
      <Card
        title={t('attachments')}
        style={{ marginBottom: 16 }}
        extra={
          canAdd ? (
            <Upload
              showUploadList={false}
              accept=".pdf,.jpg,.jpeg,.png,.dcm"
              customRequest={(opt) =>
                void uploadConsultFile(c.id, opt.file as File, me.csrfToken)
                  .then(() => {
                    void message.success(t('uploaded'));
                    void qc.invalidateQueries({ queryKey: CONSULTS_KEY });
                    opt.onSuccess?.({});
                  })
                  .catch((err: Error) => {
                    void message.error(err.message);
                    opt.onError?.(err);
                  })
              }
            >
              <Button size="small" icon={<UploadOutlined />}>
                {t('addFile')}
              </Button>
            </Upload>
          ) : null
        }
      >
        {c.files.length ? (
          <List
            size="small"
            dataSource={c.files}
            renderItem={(f) => (
              <List.Item>
                <a href={fileUrl(c.id, f.sha256)} download={f.fileName}>
                  <PaperClipOutlined /> {f.fileName}
                </a>
                <Typography.Text type="secondary">{`${Math.ceil(f.sizeBytes / 1024)} KB · ${f.addedByName}`}</Typography.Text>
              </List.Item>
            )}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noFiles')} />
        )}
      </Card>
      <Card title={t('timeline')} data-testid="consult-timeline">
        <Timeline
          items={c.timeline.map((e) => ({
            key: e.id,
            content: (
              <div data-action={e.action}>
                <b>{word(`action.${e.action}`)}</b> · {formatDateTime(e.at)} · {`${e.actorOrgName} ${e.actorName}`}
                {e.note ? <div style={{ color: '#666' }}>{e.note}</div> : null}
              </div>
            ),
          }))}
        />
      </Card>
    </Page>
  );
}
