import { App, Button, Descriptions, Form, Input, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { formatDateTime } from '../../web/format.ts';
import { useT } from '../../web/i18n.ts';
import { useCritical, useCriticalAction, type CriticalDetail } from './criticals.api.ts';
import { criticalMessages } from './criticals.i18n.ts';
import { STATUS_COLOR } from './criticals-labels.ts';

type Key = keyof typeof criticalMessages & string;

/** 危急值 全程时间线: flagged, checked, notified, each escalation, acknowledged (with the read-back), acted, documented, tasks */
export function CriticalTimeline({ criticalId, actions = false }: { criticalId: number; actions?: boolean }) {
  const t = useT(criticalMessages);
  const q = useCritical(criticalId);
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <Spin />;
  const c = q.data;
  return (
    <div data-testid="critical-timeline">
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('status')}>
          <Tag color={STATUS_COLOR[c.status] ?? 'default'}>{t(`status.${c.status}` as Key)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('item')}>{c.itemName}</Descriptions.Item>
        <Descriptions.Item label={t('detail')}>{c.detail}</Descriptions.Item>
        <Descriptions.Item label={t('resident')}>{c.residentName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('org')}>{c.requestingOrgName}</Descriptions.Item>
        <Descriptions.Item label={t('accession')}>{c.accession}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('timeline')}
      </Typography.Title>
      <Timeline
        items={c.timeline.map((s) => ({
          color: s.step.startsWith('escalation') ? 'red' : s.step === 'acknowledged' ? 'green' : 'blue',
          children: (
            <div data-step={s.step}>
              <Typography.Text strong>{t(`step.${s.step}` as Key)}</Typography.Text>{' '}
              <Typography.Text type="secondary">{formatDateTime(s.at, { seconds: true })}</Typography.Text>
              {s.by ? <div>{s.by}</div> : null}
              {s.text ? <div>{s.text}</div> : null}
            </div>
          ),
        }))}
      />
      {actions ? <NextStep c={c} /> : null}
    </div>
  );
}

/** the receiver's next step after acknowledging: record the action, then the progress note */
function NextStep({ c }: { c: CriticalDetail }) {
  const t = useT(criticalMessages);
  const { message } = App.useApp();
  const action = useCriticalAction();
  const [form] = Form.useForm<{ text: string }>();
  const step = c.status === 'acknowledged' ? 'act' : c.status === 'acted' ? 'note' : null;
  if (!step) return null;
  const submit = ({ text }: { text: string }) =>
    action.mutate(
      {
        url: `/api/remote/criticals/${c.id}/${step}`,
        body: step === 'act' ? { action: text } : { text },
      },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('saved'));
        },
      },
    );
  return (
    <Form form={form} layout="vertical" onFinish={submit}>
      {action.isError ? <ErrorAlert error={action.error} /> : null}
      <Form.Item name="text" label={t(step === 'act' ? 'actText' : 'noteText')} rules={[{ required: true, min: 2 }]}>
        <Input.TextArea rows={3} maxLength={step === 'act' ? 500 : 2000} data-testid={`critical-${step}-text`} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={action.isPending} data-testid={`critical-${step}`}>
          {t(step)}
        </Button>
      </Space>
    </Form>
  );
}
