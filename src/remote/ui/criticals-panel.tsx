import { App, Button, Card, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useMe } from '../../auth/ui/auth.api.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { formatDateTime } from '../../web/format.ts';
import { useT } from '../../web/i18n.ts';
import { useCriticalAction, useRequestCriticals } from './criticals.api.ts';
import { criticalMessages } from './criticals.i18n.ts';
import { STATUS_COLOR } from './criticals-labels.ts';

/**
 * The reading workstation's 危急值 panel: the request's critical values, a form to flag one from
 * the centre's list in force, and, for one flagged by another reader, 复核确认 (the double check
 * that notifies the requesting clinic at once).
 */
export function CriticalPanel({ requestId }: { requestId: number }) {
  const t = useT(criticalMessages);
  const { message } = App.useApp();
  const me = useMe().data;
  const data = useRequestCriticals(requestId);
  const action = useCriticalAction();
  const [form] = Form.useForm<{ itemCode: string; detail: string }>();
  const submit = (v: { itemCode: string; detail: string }) =>
    action.mutate(
      { url: `/api/remote/requests/${requestId}/criticals`, body: { ...v, clientId: crypto.randomUUID() } },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('flagged'));
        },
      },
    );
  return (
    <Card size="small" title={t('title')} data-testid="critical-panel">
      {data.isError ? <ErrorAlert error={data.error} onRetry={() => void data.refetch()} /> : null}
      {action.isError ? <ErrorAlert error={action.error} /> : null}
      <List
        size="small"
        locale={{ emptyText: t('none') }}
        dataSource={data.data?.items ?? []}
        renderItem={(c) => (
          <List.Item
            data-critical-id={c.id}
            actions={
              c.status === 'pending_check'
                ? c.flaggedBy === me?.id
                  ? [
                      <Typography.Text key="own" type="secondary">
                        {t('ownFlag')}
                      </Typography.Text>,
                      <Button
                        key="withdraw"
                        size="small"
                        onClick={() =>
                          action.mutate({
                            url: `/api/remote/criticals/${c.id}/withdraw`,
                            body: { reason: t('withdraw') },
                          })
                        }
                      >
                        {t('withdraw')}
                      </Button>,
                    ]
                  : [
                      <Button
                        key="check"
                        danger
                        type="primary"
                        size="small"
                        data-testid="critical-check"
                        loading={action.isPending}
                        onClick={() =>
                          action.mutate(
                            { url: `/api/remote/criticals/${c.id}/check` },
                            { onSuccess: () => void message.success(t('checked')) },
                          )
                        }
                      >
                        {t('check')}
                      </Button>,
                    ]
                : []
            }
          >
            <Space orientation="vertical" size={0}>
              <Space wrap>
                <Tag color={STATUS_COLOR[c.status] ?? 'default'}>{t(`status.${c.status}` as 'status.notified')}</Tag>
                <Typography.Text strong>{c.itemName}</Typography.Text>
              </Space>
              <Typography.Text>{c.detail}</Typography.Text>
              <Typography.Text type="secondary">
                {c.flaggedByName} · {formatDateTime(c.flaggedAt)}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      <Form form={form} layout="vertical" onFinish={submit} style={{ marginTop: 12 }}>
        <Form.Item name="itemCode" label={t('item')} rules={[{ required: true, message: t('pickItem') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('pickItem')}
            data-testid="critical-item"
            options={(data.data?.catalogue ?? []).map((i) => ({
              value: i.code,
              label: i.criterion ? `${i.name}（${i.criterion}）` : i.name,
            }))}
          />
        </Form.Item>
        <Form.Item name="detail" label={t('detail')} rules={[{ required: true, min: 2, message: t('detailHint') }]}>
          <Input.TextArea rows={2} maxLength={500} placeholder={t('detailHint')} data-testid="critical-detail" />
        </Form.Item>
        <Button danger htmlType="submit" loading={action.isPending} data-testid="critical-flag">
          {t('flag')}
        </Button>
      </Form>
    </Card>
  );
}
