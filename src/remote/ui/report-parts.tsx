import {
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Row,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { formatDateTime } from '../../web/format.ts';
import { useT } from '../../web/i18n.ts';
import type { ReportDraft, Report, RequestDetail } from './remote.api.ts';
import { word } from './remote-labels.tsx';
import { remoteMessages } from './remote.i18n.ts';

const REPORT_COLOR: Record<string, string> = {
  draft: 'default',
  submitted: 'purple',
  issued: 'green',
  superseded: 'default',
};

/** One version of a report as issued (or as drafted), for the requester, the reviewer and print. */
export function ReportCard({ report, centre }: { report: Report; centre: string }) {
  const t = useT(remoteMessages);
  const ecg = centre === 'ecg';
  return (
    <Card
      size="small"
      data-testid={`report-v${report.version}`}
      title={
        <Space wrap>
          {t('report')} · {t('version', { n: report.version })}
          <Tag color={REPORT_COLOR[report.status] ?? 'default'}>{word(t, 'report', report.status)}</Tag>
          {report.abnormal ? <Tag color="red">{t('abnormal')}</Tag> : null}
        </Space>
      }
      style={{ marginBottom: 12, opacity: report.status === 'superseded' ? 0.65 : 1 }}
    >
      {report.amendmentReason ? (
        <Typography.Paragraph type="warning">
          {t('amendReason')}：{report.amendmentReason}
        </Typography.Paragraph>
      ) : null}
      {ecg ? (
        <Descriptions size="small" column={2}>
          <Descriptions.Item label={t('rhythm')}>{report.rhythm ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('heartRate')}>{report.heartRate ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('prMs')}>{report.prMs ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('qrsMs')}>{report.qrsMs ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('qtMs')}>{report.qtMs ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('qtcMs')}>{report.qtcMs ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('axisDeg')}>{report.axisDeg ?? '—'}</Descriptions.Item>
        </Descriptions>
      ) : null}
      <Typography.Paragraph>
        <b>{t('findings')}：</b>
        {report.findings || '—'}
      </Typography.Paragraph>
      <Typography.Paragraph strong data-testid="report-conclusion">
        {ecg ? t('conclusion') : t('impression')}：{report.conclusion || '—'}
      </Typography.Paragraph>
      <Typography.Text type="secondary">
        {t('author')}：{report.authorName ?? '—'} {formatDateTime(report.authoredAt)}
        {report.reviewerName ? ` · ${t('reviewer')}：${report.reviewerName} ${formatDateTime(report.issuedAt)}` : ''}
      </Typography.Text>
    </Card>
  );
}

export type DraftValues = Partial<ReportDraft>;

/** The structured report: ECG measurements (the calipers fill the intervals) or findings and impression. */
export function ReportForm({
  centre,
  initial,
  disabled,
  saving,
  onSave,
  onSubmit,
}: {
  centre: string;
  initial: DraftValues;
  disabled: boolean;
  saving: boolean;
  onSave: (v: DraftValues) => void;
  onSubmit: (v: DraftValues) => void;
}) {
  const t = useT(remoteMessages);
  const [form] = Form.useForm<DraftValues>();
  const ecg = centre === 'ecg';
  const num = (name: keyof DraftValues, label: string, min: number, max: number) => (
    <Col xs={12} sm={8}>
      <Form.Item name={name} label={label}>
        <InputNumber min={min} max={max} style={{ width: '100%' }} aria-label={label} />
      </Form.Item>
    </Col>
  );
  return (
    <Form<DraftValues>
      form={form}
      layout="vertical"
      initialValues={initial}
      disabled={disabled}
      data-testid="report-form"
    >
      {ecg ? (
        <Row gutter={8}>
          <Col xs={24} sm={8}>
            <Form.Item name="rhythm" label={t('rhythm')}>
              <Input maxLength={60} aria-label={t('rhythm')} />
            </Form.Item>
          </Col>
          {num('heartRate', t('heartRate'), 10, 350)}
          {num('prMs', t('prMs'), 40, 600)}
          {num('qrsMs', t('qrsMs'), 30, 300)}
          {num('qtMs', t('qtMs'), 150, 800)}
          {num('qtcMs', t('qtcMs'), 150, 800)}
          {num('axisDeg', t('axisDeg'), -180, 180)}
        </Row>
      ) : null}
      <Form.Item name="findings" label={t('findings')}>
        <Input.TextArea rows={4} maxLength={4000} aria-label={t('findings')} />
      </Form.Item>
      <Form.Item name="conclusion" label={ecg ? t('conclusion') : t('impression')}>
        <Input.TextArea rows={2} maxLength={1000} aria-label={t('conclusion')} data-testid="report-conclusion-input" />
      </Form.Item>
      <Form.Item name="abnormal" valuePropName="checked">
        <Checkbox>{t('abnormal')}</Checkbox>
      </Form.Item>
      <Space wrap>
        <Button loading={saving} onClick={() => onSave(form.getFieldsValue())} data-testid="report-save">
          {t('saveDraft')}
        </Button>
        <Button
          type="primary"
          loading={saving}
          onClick={() => onSubmit(form.getFieldsValue())}
          data-testid="report-submit"
        >
          {t('submitReview')}
        </Button>
      </Space>
    </Form>
  );
}

/** 时间轴: every step of a request with its time and person. */
export function RequestTimeline({ detail }: { detail: RequestDetail }) {
  const t = useT(remoteMessages);
  return (
    <Timeline
      data-testid="request-timeline"
      items={detail.timeline.map((s) => ({
        content: (
          <span>
            {formatDateTime(s.at)} {word(t, 'step', s.step)}
            {s.version ? ` · ${t('version', { n: s.version })}` : ''}
            {s.who ? ` · ${s.who}` : ''}
          </span>
        ),
      }))}
    />
  );
}
