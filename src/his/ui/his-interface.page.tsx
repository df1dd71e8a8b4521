import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { z } from 'zod';
import { org } from '../../orgs/orgs.schema.ts';
import { apiGet, apiSend } from '../../web/api.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { formatDateTime } from '../../web/format.ts';
import { useT } from '../../web/i18n.ts';
import { DataList } from '../../web/kit/data-list.tsx';
import { useListParams, useListQuery } from '../../web/kit/list-params.ts';
import { Page } from '../../web/page.tsx';
import {
  HIS_STATUSES,
  HIS_TYPES,
  messageDetail,
  messagePage,
  overview,
  processed,
  replayResult,
  sender,
  type MessageItem,
  type SenderStats,
} from '../his.schema.ts';
import { hisMessages } from './his.i18n.ts';

type Filters = { status?: string; type?: string; senderId?: number };

const STATUS_COLOR: Record<string, string> = {
  applied: 'green',
  held: 'orange',
  error: 'red',
  duplicate: 'default',
  received: 'blue',
};

/** HIS 接口: per-sender counts and lag, the error and held lists, matching and replay. */
export function HisInterfacePage() {
  const t = useT(hisMessages);
  const qc = useQueryClient();
  const stats = useQuery({ queryKey: ['his', 'overview'], queryFn: () => apiGet('/api/his/overview', overview) });
  const orgs = useQuery({ queryKey: ['orgs'], queryFn: () => apiGet('/api/orgs', z.array(org)) });
  const list = useListParams<Filters>({ status: 'error' }, { inUrl: true });
  const { params } = list;
  const msgs = useListQuery(['his', 'messages'], '/api/his/messages', messagePage, params);
  const [viewing, setViewing] = useState<number | null>(null);
  const [matching, setMatching] = useState<MessageItem | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const refresh = () => void qc.invalidateQueries({ queryKey: ['his'] });

  const replay = useMutation({
    mutationFn: (ids?: number[]) => apiSend('POST', '/api/his/replay', ids ? { ids } : {}, replayResult),
    onSuccess: refresh,
  });
  const patch = useMutation({
    mutationFn: (v: { id: number; active?: boolean; rotateSecret?: boolean }) =>
      apiSend('PATCH', `/api/his/senders/${v.id}`, v, sender),
    onSuccess: (s) => {
      if (s.secret) setSecret(s.secret);
      refresh();
    },
  });
  const statusText = (s: string) => t(`status.${s}` as 'status.applied');
  const seconds = (n: number | null) => (n === null ? '—' : t('seconds', { n: Math.round(n) }));

  return (
    <Page title={t('title')}>
      <Card
        size="small"
        title={t('senders')}
        style={{ marginBottom: 16 }}
        extra={
          <Space>
            <Typography.Text type="secondary">
              {stats.data?.mllp.listening ? t('mllpOn', { port: stats.data.mllp.port ?? '' }) : t('mllpOff')}
            </Typography.Text>
            <AddSender orgs={orgs.data ?? []} onCreated={(s) => (setSecret(s), refresh())} />
          </Space>
        }
      >
        {stats.isError ? <ErrorAlert error={stats.error} /> : null}
        {secret ? (
          <Alert
            style={{ marginBottom: 8 }}
            type="warning"
            closable={{ onClose: () => setSecret(null) }}
            title={
              <>
                {t('secretOnce')}{' '}
                <Typography.Text copyable code>
                  {secret}
                </Typography.Text>
              </>
            }
          />
        ) : null}
        <Table<SenderStats>
          size="small"
          rowKey="id"
          loading={stats.isFetching && !stats.data}
          pagination={false}
          dataSource={stats.data?.senders ?? []}
          scroll={{ x: 1000 }}
          data-testid="his-senders"
          columns={[
            { title: t('facility'), dataIndex: 'facility', width: 130 },
            { title: t('name'), dataIndex: 'name', width: 150 },
            {
              title: t('org'),
              width: 150,
              render: (_, s) => orgs.data?.find((o) => o.id === s.orgId)?.name ?? s.orgId,
            },
            { title: t('today'), dataIndex: 'today', width: 70, align: 'right' },
            { title: t('received'), dataIndex: 'received', width: 80, align: 'right' },
            { title: t('applied'), dataIndex: 'applied', width: 80, align: 'right' },
            {
              title: t('held'),
              width: 70,
              align: 'right',
              render: (_, s) => (s.held ? <Tag color="orange">{s.held}</Tag> : 0),
            },
            {
              title: t('error'),
              width: 70,
              align: 'right',
              render: (_, s) => (s.error ? <Tag color="red">{s.error}</Tag> : 0),
            },
            { title: t('duplicates'), dataIndex: 'duplicates', width: 70, align: 'right' },
            { title: t('last'), width: 150, render: (_, s) => formatDateTime(s.lastReceivedAt) },
            {
              title: t('lag'),
              width: 130,
              render: (_, s) => `${seconds(s.medianLagSeconds)} / ${seconds(s.maxLagSeconds)}`,
            },
            {
              title: t('status'),
              width: 170,
              render: (_, s) => (
                <Space size={4}>
                  <Tag color={s.active ? 'green' : 'default'}>{s.active ? t('active') : t('disabled')}</Tag>
                  <Button size="small" type="link" onClick={() => patch.mutate({ id: s.id, active: !s.active })}>
                    {s.active ? t('disable') : t('enable')}
                  </Button>
                  <Button size="small" type="link" onClick={() => patch.mutate({ id: s.id, rotateSecret: true })}>
                    {t('rotate')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
        {stats.data?.unattributed.count ? (
          <Typography.Paragraph type="danger" style={{ marginTop: 8 }}>
            {t('unattributed', { n: stats.data.unattributed.count })}
          </Typography.Paragraph>
        ) : null}
      </Card>

      <DataList<MessageItem>
        title={t('messages')}
        size="small"
        rowKey={(m) => m.id}
        data={msgs.data}
        loading={msgs.isFetching && !msgs.data}
        error={msgs.isError ? msgs.error : undefined}
        onRetry={() => void msgs.refetch()}
        params={params}
        onPaging={list.setPaging}
        search={{ placeholder: t('search'), onSearch: (q) => list.setFilter({ q }), width: 180 }}
        filters={
          <>
            <Select
              allowClear
              placeholder={t('status')}
              aria-label={t('status')}
              style={{ width: 110 }}
              value={params.status}
              onChange={(status?: string) => list.setFilter({ status })}
              options={HIS_STATUSES.map((s) => ({ value: s, label: statusText(s) }))}
            />
            <Select
              allowClear
              placeholder={t('type')}
              aria-label={t('type')}
              style={{ width: 120 }}
              value={params.type}
              onChange={(type?: string) => list.setFilter({ type })}
              options={HIS_TYPES.map((v) => ({ value: v, label: v }))}
            />
            <Button loading={replay.isPending} onClick={() => replay.mutate(undefined)} data-testid="his-replay">
              {t('replay')}
            </Button>
          </>
        }
        summary={
          replay.data ? (
            <Typography.Text type="secondary">{t('replayed', { ...replay.data })}</Typography.Text>
          ) : replay.isError ? (
            <ErrorAlert error={replay.error} />
          ) : null
        }
        scrollX={1100}
        columns={[
          {
            key: 'receivedAt',
            title: t('receivedAt'),
            width: 150,
            sortKey: 'receivedAt',
            render: (m) => formatDateTime(m.receivedAt),
          },
          { key: 'sender', title: t('senders'), width: 130, render: (m) => m.senderName ?? m.facility ?? '—' },
          { key: 'type', title: t('type'), width: 90, mobile: 'title', render: (m) => m.type ?? '—' },
          { key: 'controlId', title: t('controlId'), width: 130, render: (m) => m.controlId ?? '—' },
          { key: 'visit', title: t('visit'), width: 110, render: (m) => m.externalNumber ?? '—' },
          {
            key: 'status',
            title: t('status'),
            width: 90,
            mobile: 'extra',
            render: (m) => (
              <Tag color={STATUS_COLOR[m.status]}>
                {statusText(m.status)} {m.ackCode ?? ''}
              </Tag>
            ),
          },
          { key: 'reason', title: t('reason'), width: 260, render: (m) => m.errorText ?? '—' },
          {
            key: 'actions',
            title: '',
            width: 220,
            render: (m) => (
              <Space size={4}>
                <Button size="small" type="link" onClick={() => setViewing(m.id)}>
                  {t('view')}
                </Button>
                {m.status === 'held' ? (
                  <Button size="small" type="link" onClick={() => setMatching(m)}>
                    {t('match')}
                  </Button>
                ) : null}
                {m.status === 'held' || m.status === 'error' ? (
                  <Button size="small" type="link" onClick={() => replay.mutate([m.id])}>
                    {t('replayOne')}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <RawView id={viewing} onClose={() => setViewing(null)} />
      <MatchDialog message={matching} onClose={() => setMatching(null)} onDone={refresh} />
    </Page>
  );
}

function AddSender({ orgs, onCreated }: { orgs: z.infer<typeof org>[]; onCreated: (secret: string) => void }) {
  const t = useT(hisMessages);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ facility: string; name: string; orgId: number }>();
  const create = useMutation({
    mutationFn: (v: { facility: string; name: string; orgId: number }) =>
      apiSend('POST', '/api/his/senders', v, sender),
    onSuccess: (s) => {
      setOpen(false);
      form.resetFields();
      if (s.secret) onCreated(s.secret);
    },
  });
  return (
    <>
      <Button type="primary" size="small" onClick={() => setOpen(true)}>
        {t('addSender')}
      </Button>
      <Modal
        open={open}
        title={t('addSender')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
      >
        <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
          <Form.Item name="facility" label={t('facility')} rules={[{ required: true }]}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="name" label={t('name')} rules={[{ required: true }]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="orgId" label={t('org')} rules={[{ required: true }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={orgs.filter((o) => o.kind !== 'village_clinic').map((o) => ({ value: o.id, label: o.name }))}
            />
          </Form.Item>
        </Form>
        {create.isError ? <ErrorAlert error={create.error} /> : null}
      </Modal>
    </>
  );
}

function RawView({ id, onClose }: { id: number | null; onClose: () => void }) {
  const t = useT(hisMessages);
  const detail = useQuery({
    queryKey: ['his', 'message', id],
    queryFn: () => apiGet(`/api/his/messages/${id}`, messageDetail),
    enabled: id !== null,
  });
  const segments = (text: string | null | undefined) => (text ?? '').split('\r').join('\n');
  return (
    <Modal open={id !== null} onCancel={onClose} footer={null} width={900} title={t('view')}>
      {detail.isError ? <ErrorAlert error={detail.error} /> : null}
      {detail.data ? (
        <>
          <Typography.Paragraph>
            {detail.data.type} · {detail.data.controlId} · {formatDateTime(detail.data.receivedAt)}
            {detail.data.errorText ? <Typography.Text type="danger"> · {detail.data.errorText}</Typography.Text> : null}
          </Typography.Paragraph>
          <Typography.Title level={5}>{t('raw')}</Typography.Title>
          <pre
            data-testid="his-raw"
            style={{ whiteSpace: 'pre-wrap', fontSize: 12, background: '#fafafa', padding: 8 }}
          >
            {segments(detail.data.raw)}
          </pre>
          <Typography.Title level={5}>{t('ackText')}</Typography.Title>
          <pre style={{ whiteSpace: 'pre-wrap', fontSize: 12, background: '#fafafa', padding: 8 }}>
            {segments(detail.data.ack)}
          </pre>
        </>
      ) : null}
    </Modal>
  );
}

function MatchDialog({
  message,
  onClose,
  onDone,
}: {
  message: MessageItem | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useT(hisMessages);
  const [idNumber, setIdNumber] = useState('');
  const run = useMutation({
    mutationFn: () => apiSend('POST', `/api/his/messages/${message?.id}/match`, { idNumber }, processed),
    onSuccess: () => {
      onDone();
    },
  });
  return (
    <Modal
      open={message !== null}
      title={t('match')}
      onCancel={() => (run.reset(), setIdNumber(''), onClose())}
      onOk={() => run.mutate()}
      confirmLoading={run.isPending}
      okButtonProps={{ disabled: !idNumber.trim() || run.isSuccess }}
    >
      <Typography.Paragraph type="secondary">{t('matchHint')}</Typography.Paragraph>
      <Typography.Paragraph>
        {message?.type} · {message?.controlId} · {message?.errorText}
      </Typography.Paragraph>
      <Input
        aria-label={t('idNumber')}
        placeholder={t('idNumber')}
        value={idNumber}
        maxLength={18}
        onChange={(e) => setIdNumber(e.target.value)}
      />
      {run.isError ? <ErrorAlert error={run.error} /> : null}
      {run.data ? (
        <Alert style={{ marginTop: 8 }} type="success" title={t('matched', { status: run.data.status })} />
      ) : null}
    </Modal>
  );
}
