import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Select, Space, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { apiGet, apiSend } from '../../web/api.ts';
import { useMayCall } from '../../web/current-user.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { formatDateTime } from '../../web/format.ts';
import { useLang, useT } from '../../web/i18n.ts';
import { DataList } from '../../web/kit/data-list.tsx';
import { useListParams, useListQuery } from '../../web/kit/list-params.ts';
import { Page } from '../../web/page.tsx';
import {
  anyResult,
  drugOptions,
  newClientId,
  proposal,
  REQUEST_STATUSES,
  requestPage,
  useProcureStream,
  type RequestRow,
  type RequestStatus,
} from './procure.api.ts';
import { procureMessages, REQUEST_STATUS_WORDS, word } from './procure.i18n.ts';

interface LineValue {
  drugId?: number;
  packs?: number;
}

/** 请领: a village or township asks for stock (or takes the proposal); its requests by status. */
export function RequestsPage() {
  const t = useT(procureMessages);
  const lang = useLang();
  useProcureStream();
  const mayCreate = useMayCall('POST /api/pharmacy/requests');
  const list = useListParams<{ status?: string }>({}, { inUrl: true });
  const rows = useListQuery(['pharmacy-requests'], '/api/pharmacy/requests', requestPage, list.params);
  const { page: _p, pageSize: _s, sort: _o, ...exportQuery } = list.params;
  return (
    <Page title={t('requestsTitle')}>
      {mayCreate ? <RequestForm /> : null}
      <Tabs
        activeKey={list.params.status ?? 'all'}
        onChange={(k) => list.setFilter({ status: k === 'all' ? undefined : k })}
        items={[
          { key: 'all', label: t('all') },
          ...REQUEST_STATUSES.map((s) => ({ key: s, label: word(REQUEST_STATUS_WORDS[s], lang) })),
        ]}
      />
      <DataList<RequestRow>
        size="small"
        rowKey={(r) => r.id}
        data={rows.data}
        loading={rows.isFetching && !rows.data}
        error={rows.isError ? rows.error : undefined}
        onRetry={() => void rows.refetch()}
        params={list.params}
        onPaging={list.setPaging}
        search={{ placeholder: t('search'), onSearch: (q) => list.setFilter({ q }) }}
        exportTo={{ url: '/api/pharmacy/requests/export', query: exportQuery }}
        rowProps={(r) => ({ 'data-request': r.id, 'data-status': r.status })}
        columns={[
          { key: 'id', title: t('requestNo'), render: (r) => r.id, width: 90, mobile: 'title' },
          { key: 'org', title: t('org'), render: (r) => r.orgName, width: 160 },
          { key: 'status', title: t('status'), render: (r) => statusTag(r.status, lang), width: 110, mobile: 'extra' },
          {
            key: 'lines',
            title: t('items'),
            render: (r) => r.lines.map((l) => `${l.name} ${l.packs}${l.unit}`).join('；'),
          },
          { key: 'at', title: t('createdAt'), render: (r) => formatDateTime(r.createdAt), width: 150 },
        ]}
      />
    </Page>
  );
}

const STATUS_COLOR: Record<RequestStatus, string> = {
  submitted: 'blue',
  consolidated: 'purple',
  distributed: 'green',
  rejected: 'red',
  cancelled: 'default',
};
const statusTag = (s: RequestStatus, lang: 'zh' | 'en') => (
  <Tag color={STATUS_COLOR[s]}>{word(REQUEST_STATUS_WORDS[s], lang)}</Tag>
);

function RequestForm() {
  const t = useT(procureMessages);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ lines: LineValue[]; note?: string }>();
  const [source, setSource] = useState<'manual' | 'proposed'>('manual');
  const [clientId, setClientId] = useState(newClientId);
  const [q, setQ] = useState('');
  const drugs = useQuery({
    queryKey: ['pharmacy-requestable', q],
    queryFn: () => apiGet('/api/pharmacy/requestable-drugs', drugOptions, { q }),
  });
  const [known, setKnown] = useState(new Map<number, string>());
  const options = [
    ...new Map([
      ...known.entries(),
      ...(drugs.data?.items ?? []).map((d): [number, string] => [d.id, `${d.name} ${d.spec}（${d.unit}）`]),
    ]).entries(),
  ].map(([value, label]) => ({ value, label }));
  const propose = useMutation({
    mutationFn: () => apiGet('/api/pharmacy/requests/proposal', proposal),
    onSuccess: (p) => {
      if (p.lines.length === 0) {
        void message.info(t('proposalEmpty'));
        return;
      }
      setKnown(new Map(p.lines.map((l) => [l.drugId, `${l.name} ${l.spec}（${l.unit}）`])));
      form.setFieldsValue({ lines: p.lines.map((l) => ({ drugId: l.drugId, packs: l.packs })) });
      setSource('proposed');
    },
  });
  const save = useMutation({
    mutationFn: (v: { lines: LineValue[]; note?: string }) =>
      apiSend(
        'POST',
        '/api/pharmacy/requests',
        { clientId, deviceAt: new Date().toISOString(), source, note: v.note, lines: v.lines },
        anyResult,
      ),
    onSuccess: () => {
      void message.success(t('submitted'));
      form.resetFields();
      setClientId(newClientId());
      setSource('manual');
      void qc.invalidateQueries({ queryKey: ['pharmacy-requests'] });
    },
  });
  return (
    <Card
      size="small"
      title={t('newRequest')}
      style={{ marginBottom: 12 }}
      extra={
        <Button onClick={() => propose.mutate()} loading={propose.isPending}>
          {t('propose')}
        </Button>
      }
    >
      {save.isError ? <ErrorAlert error={save.error} /> : null}
      {propose.isError ? <ErrorAlert error={propose.error} /> : null}
      <Form form={form} layout="vertical" initialValues={{ lines: [{}] }} onFinish={(v) => save.mutate(v)}>
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} wrap align="start" style={{ display: 'flex' }}>
                  <Form.Item
                    name={[f.name, 'drugId']}
                    label={`${t('drug')} ${i + 1}`}
                    rules={[{ required: true, message: t('drugSearch') }]}
                  >
                    <Select
                      showSearch={{ filterOption: false, onSearch: setQ }}
                      aria-label={`${t('drug')} ${i + 1}`}
                      placeholder={t('drugSearch')}
                      style={{ width: 260, maxWidth: '80vw' }}
                      options={options}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'packs']}
                    label={`${t('packs')} ${i + 1}`}
                    rules={[{ required: true, message: t('packs') }]}
                  >
                    <InputNumber min={1} max={100000} precision={0} aria-label={`${t('packs')} ${i + 1}`} />
                  </Form.Item>
                  {fields.length > 1 ? (
                    <Button type="link" danger onClick={() => remove(f.name)} style={{ marginTop: 30 }}>
                      {t('removeLine')}
                    </Button>
                  ) : null}
                </Space>
              ))}
              <Button onClick={() => add({})} style={{ marginBottom: 12 }}>
                {t('addLine')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="note" label={t('note')}>
          <Input maxLength={200} aria-label={t('note')} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('submit')}
        </Button>
      </Form>
    </Card>
  );
}
