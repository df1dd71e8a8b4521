import { App, Button, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useMe } from '../../auth/ui/auth.api.ts';
import { mayCall } from '../../web/access.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { formatDateTime } from '../../web/format.ts';
import { useT } from '../../web/i18n.ts';
import { DataList } from '../../web/kit/data-list.tsx';
import { useListParams } from '../../web/kit/list-params.ts';
import { DUTIES } from '../criticals.schema.ts';
import { useOrgs } from '../../orgs/ui/orgs.api.ts';
import { useCriticalAction, useDuty, useDutyCandidates, useTasks, type TaskItem } from './criticals.api.ts';
import { criticalMessages } from './criticals.i18n.ts';

type Key = keyof typeof criticalMessages & string;

/** 待办: call the patient back, write the progress note; 完成 records the outcome */
export function TasksTab() {
  const t = useT(criticalMessages);
  const list = useListParams<{ open?: string }>({ open: 'true' });
  const q = useTasks(list.params);
  const [doing, setDoing] = useState<TaskItem | null>(null);
  const action = useCriticalAction();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ outcome: string }>();
  return (
    <>
      <DataList<TaskItem>
        rowKey={(r) => r.id}
        data={q.data}
        loading={q.isFetching && !q.data}
        error={q.isError ? q.error : undefined}
        onRetry={() => void q.refetch()}
        params={list.params}
        onPaging={list.setPaging}
        rowProps={(r) => ({ 'data-task-id': r.id })}
        filters={
          <Select
            style={{ width: 120 }}
            value={list.params.open ?? ''}
            onChange={(v: string) => list.setFilter({ open: v || undefined })}
            options={[
              { value: 'true', label: t('openOnly') },
              { value: 'false', label: t('doneOnly') },
              { value: '', label: t('allTasks') },
            ]}
          />
        }
        columns={[
          {
            key: 'kind',
            title: t('taskKind'),
            mobile: 'title',
            render: (r) => <Tag>{t(`task.${r.kind}` as Key)}</Tag>,
          },
          { key: 'item', title: t('item'), render: (r) => `${r.itemName}: ${r.detail}` },
          { key: 'resident', title: t('resident'), render: (r) => r.residentName ?? '—' },
          { key: 'org', title: t('org'), render: (r) => r.orgName },
          { key: 'due', title: t('dueAt'), render: (r) => formatDateTime(r.dueAt) },
          {
            key: 'done',
            title: t('doneAt'),
            render: (r) =>
              r.doneAt ? (
                `${formatDateTime(r.doneAt)} ${r.outcome ?? ''}`
              ) : (
                <Button size="small" type="primary" data-testid="task-done" onClick={() => setDoing(r)}>
                  {t('done')}
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={doing !== null}
        title={doing ? t(`task.${doing.kind}` as Key) : ''}
        onCancel={() => setDoing(null)}
        onOk={() => form.submit()}
        confirmLoading={action.isPending}
        destroyOnHidden
      >
        {action.isError ? <ErrorAlert error={action.error} /> : null}
        <Form
          form={form}
          layout="vertical"
          onFinish={({ outcome }) =>
            doing &&
            action.mutate(
              { url: `/api/remote/tasks/${doing.id}/done`, body: { outcome } },
              {
                onSuccess: () => {
                  setDoing(null);
                  form.resetFields();
                  void message.success(t('saved'));
                },
              },
            )
          }
        >
          <Form.Item name="outcome" label={t('outcome')} rules={[{ required: true, min: 2 }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** 值班表: who is on duty now; the administrator (and a township centre's lead for their centre) sets it */
export function DutyTab() {
  const t = useT(criticalMessages);
  const roles = useMe().data?.roles ?? [];
  const q = useDuty();
  const action = useCriticalAction();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ orgId: number; duty: string; staffId: number }>();
  const orgs = useOrgs();
  const orgId = Form.useWatch('orgId', form) as number | undefined;
  const candidates = useDutyCandidates(orgId);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {q.isError ? <ErrorAlert error={q.error} onRetry={() => void q.refetch()} /> : null}
      {action.isError ? <ErrorAlert error={action.error} /> : null}
      {mayCall(roles, 'POST /api/remote/duty') ? (
        <Form
          form={form}
          layout="inline"
          onFinish={(v) =>
            action.mutate({ url: '/api/remote/duty', body: v }, { onSuccess: () => void message.success(t('saved')) })
          }
        >
          <Form.Item name="orgId" label={t('orgId')} rules={[{ required: true, message: t('pickOrg') }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 220 }}
              placeholder={t('pickOrg')}
              aria-label={t('orgId')}
              options={(orgs.data ?? [])
                .filter((o) => o.kind !== 'county')
                .map((o) => ({ value: o.id, label: o.name }))}
              onChange={() => form.setFieldValue('staffId', undefined)}
            />
          </Form.Item>
          <Form.Item name="duty" label={t('duty')} rules={[{ required: true }]}>
            <Select style={{ width: 130 }} options={DUTIES.map((d) => ({ value: d, label: t(`duty.${d}` as Key) }))} />
          </Form.Item>
          <Form.Item name="staffId" label={t('staffId')} rules={[{ required: true, message: t('pickStaff') }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 220 }}
              placeholder={t('pickStaff')}
              aria-label={t('staffId')}
              disabled={orgId === undefined}
              loading={candidates.isFetching}
              options={(candidates.data ?? []).map((c) => ({
                value: c.id,
                label: `${c.name}${c.title ? ` · ${c.title}` : ''} · ${c.orgName}`,
              }))}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={action.isPending}>
            {t('setDuty')}
          </Button>
        </Form>
      ) : null}
      <Table
        size="small"
        rowKey="id"
        loading={q.isFetching && !q.data}
        dataSource={q.data ?? []}
        pagination={false}
        columns={[
          { key: 'org', title: t('orgName'), render: (_: unknown, r) => `${r.orgName} (${r.orgId})` },
          { key: 'duty', title: t('duty'), render: (_: unknown, r) => t(`duty.${r.duty}` as Key) },
          { key: 'staff', title: t('staffName'), render: (_: unknown, r) => `${r.staffName} (${r.staffId})` },
          { key: 'since', title: t('since'), render: (_: unknown, r) => formatDateTime(r.effectiveFrom) },
        ]}
      />
    </Space>
  );
}
