import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useMayCall } from '../../web/current-user.ts';
import { errorMessage } from '../../web/error-alert.tsx';
import { formatDateTime, todayShanghai } from '../../web/format.ts';
import { useT, type Translate } from '../../web/i18n.ts';
import { DataList } from '../../web/kit/data-list.tsx';
import { DateInput } from '../../web/kit/date-input.tsx';
import { useListParams } from '../../web/kit/list-params.ts';
import { Page } from '../../web/page.tsx';
import { useIsMobile } from '../../web/use-is-mobile.ts';
import { PacksList, ScanPanel } from './sterile-scan.tsx';
import {
  METHODS,
  useCreateLoad,
  useLoadDetail,
  useLoads,
  usePackTypes,
  useRecordResult,
  type FollowUp,
  type Load,
  type LoadStatus,
  type Method,
} from './supply.api.ts';
import { supplyMessages } from './supply.i18n.ts';

type T = Translate<typeof supplyMessages>;
export const LOAD_COLOR: Record<LoadStatus, string> = { pending: 'gold', passed: 'green', failed: 'red' };
const okTag = (t: T, v: boolean | null) =>
  v === null ? '—' : <Tag color={v ? 'green' : 'red'}>{v ? t('ok') : t('notOk')}</Tag>;

/** 消毒供应: loads and their indicators, the packs, and the scan box for issue, use and return. */
export function SterilePage() {
  const t = useT(supplyMessages);
  const canLoads = useMayCall('GET /api/sterile/loads');
  const canUse = useMayCall('POST /api/sterile/packs/use');
  const canIssue = useMayCall('POST /api/sterile/packs/issue');
  const items = [
    canLoads && { key: 'loads', label: t('tabLoads'), children: <LoadsTab /> },
    { key: 'packs', label: t('tabPacks'), children: <PacksList /> },
    (canUse || canIssue) && { key: 'scan', label: t('tabScan'), children: <ScanPanel /> },
  ].filter((i): i is { key: string; label: string; children: React.JSX.Element } => Boolean(i));
  return (
    <Page title={t('sterileTitle')}>
      <Tabs items={items} destroyOnHidden />
    </Page>
  );
}

function LoadsTab() {
  const t = useT(supplyMessages);
  const canWrite = useMayCall('POST /api/sterile/loads');
  const list = useListParams<{ status: LoadStatus | undefined }>({ status: undefined }, { inUrl: true });
  const { params } = list;
  const loads = useLoads(params);
  const [creating, setCreating] = useState(false);
  const [reading, setReading] = useState<Load | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  return (
    <>
      <DataList<Load>
        rowKey={(l) => l.id}
        data={loads.data}
        loading={loads.isFetching && !loads.data}
        error={loads.isError ? loads.error : undefined}
        onRetry={() => void loads.refetch()}
        params={params}
        onPaging={list.setPaging}
        search={{ placeholder: t('searchLoads'), onSearch: (q) => list.setFilter({ q }), width: 140 }}
        filters={
          <Space wrap>
            <Select
              style={{ width: 130 }}
              aria-label={t('status')}
              value={params.status ?? ''}
              onChange={(v: LoadStatus | '') => list.setFilter({ status: v || undefined })}
              options={[
                { value: '', label: t('allStatuses') },
                ...(['pending', 'passed', 'failed'] as const).map((s) => ({ value: s, label: t(s) })),
              ]}
            />
            {canWrite ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('newLoad')}
              </Button>
            ) : null}
          </Space>
        }
        exportTo={{ url: '/api/sterile/loads/export', query: params }}
        onRowClick={(l) => setOpen(l.id)}
        scrollX={1000}
        columns={[
          {
            key: 'name',
            title: `${t('sterilizer')} / ${t('cycleNo')}`,
            width: 120,
            mobile: 'title',
            render: (l) => `${l.sterilizer} #${l.cycleNo}`,
          },
          { key: 'date', title: t('loadDate'), width: 110, sortKey: 'loadDate', render: (l) => l.loadDate },
          { key: 'method', title: t('method'), width: 100, render: (l) => t(l.method) },
          {
            key: 'status',
            title: t('result'),
            width: 110,
            mobile: 'extra',
            render: (l) => <Tag color={LOAD_COLOR[l.status]}>{t(l.status)}</Tag>,
          },
          { key: 'phy', title: t('physical'), width: 90, render: (l) => okTag(t, l.physicalOk) },
          { key: 'chem', title: t('chemical'), width: 90, render: (l) => okTag(t, l.chemicalOk) },
          { key: 'bio', title: t('biological'), width: 90, render: (l) => okTag(t, l.biologicalOk) },
          { key: 'packs', title: t('packs'), width: 70, align: 'right', render: (l) => l.packs },
          { key: 'recalled', title: t('recalled'), width: 70, align: 'right', render: (l) => l.recalled || '—' },
          { key: 'operator', title: t('operator'), width: 90, render: (l) => l.operatorName },
          {
            key: 'act',
            title: '',
            width: 150,
            mobile: 'plain',
            render: (l) =>
              canWrite && l.status !== 'failed' ? (
                <Button
                  size="small"
                  danger={l.status === 'passed'}
                  onClick={(e) => {
                    e.stopPropagation();
                    setReading(l);
                  }}
                >
                  {l.status === 'pending' ? t('recordResult') : t('recordLateFailure')}
                </Button>
              ) : null,
          },
        ]}
      />
      {creating ? <NewLoadModal onClose={() => setCreating(false)} /> : null}
      {reading ? <ResultModal load={reading} onClose={() => setReading(null)} /> : null}
      <LoadDrawer id={open} onClose={() => setOpen(null)} />
    </>
  );
}

function NewLoadModal({ onClose }: { onClose: () => void }) {
  const t = useT(supplyMessages);
  const { message } = App.useApp();
  const types = usePackTypes();
  const create = useCreateLoad();
  const [form] = Form.useForm();
  const method = Form.useWatch<Method | undefined>('method', form);
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await create.mutateAsync(v);
      void message.success(t('saved'));
      onClose();
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };
  return (
    <Modal open title={t('newLoad')} onCancel={onClose} onOk={() => void submit()} confirmLoading={create.isPending}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ method: 'steam', loadDate: todayShanghai(), cycleNo: 1, packs: [{ count: 10 }] }}
      >
        <Space wrap>
          <Form.Item name="sterilizer" label={t('sterilizer')} rules={[{ required: true }]}>
            <Input style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="cycleNo" label={t('cycleNo')} rules={[{ required: true }]}>
            <InputNumber min={1} max={99} style={{ width: 80 }} />
          </Form.Item>
          <Form.Item name="loadDate" label={t('loadDate')} rules={[{ required: true }]}>
            <DateInput allowClear={false} />
          </Form.Item>
        </Space>
        <Form.Item name="method" label={t('method')}>
          <Radio.Group options={METHODS.map((m) => ({ value: m, label: t(m) }))} />
        </Form.Item>
        <Form.List name="packs">
          {(fields, { add }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} wrap>
                  <Form.Item name={[f.name, 'packTypeId']} label={t('packType')} rules={[{ required: true }]}>
                    <Select
                      style={{ width: 200 }}
                      options={(types.data?.items ?? [])
                        .filter((p) => p.active && p.method === method)
                        .map((p) => ({ value: p.id, label: p.name }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'count']} label={t('count')} rules={[{ required: true }]}>
                    <InputNumber min={1} max={200} style={{ width: 80 }} />
                  </Form.Item>
                </Space>
              ))}
              <Button onClick={() => add({ count: 10 })}>{t('addRow')}</Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

function ResultModal({ load, onClose }: { load: Load; onClose: () => void }) {
  const t = useT(supplyMessages);
  const { message } = App.useApp();
  const record = useRecordResult();
  const [form] = Form.useForm();
  const late = load.status === 'passed';
  const submit = async () => {
    const v = await form.validateFields();
    try {
      const out = (await record.mutateAsync({ id: load.id, ...v })) as { status: string; recalled: number };
      void (out.status === 'failed'
        ? message.warning(t('recallDone', { n: out.recalled }))
        : message.success(t('saved')));
      onClose();
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };
  const yesNo = [
    { value: true, label: t('ok') },
    { value: false, label: t('notOk') },
  ];
  return (
    <Modal
      open
      title={`${late ? t('recordLateFailure') : t('recordResult')} · ${load.sterilizer} #${load.cycleNo} ${load.loadDate}`}
      onCancel={onClose}
      onOk={() => void submit()}
      okButtonProps={{ danger: late }}
      confirmLoading={record.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={late ? { physicalOk: true, chemicalOk: true, biologicalOk: false } : undefined}
      >
        {(['physicalOk', 'chemicalOk', 'biologicalOk'] as const).map((k, i) => (
          <Form.Item
            key={k}
            name={k}
            label={t((['physical', 'chemical', 'biological'] as const)[i])}
            rules={[{ required: true }]}
          >
            <Radio.Group options={yesNo} optionType="button" />
          </Form.Item>
        ))}
        <Form.Item name="note" label={t('note')}>
          <Input.TextArea maxLength={300} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function LoadDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const t = useT(supplyMessages);
  const mobile = useIsMobile();
  const detail = useLoadDetail(id);
  const d = detail.data;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={mobile ? '100%' : 720}
      title={d ? `${d.sterilizer} #${d.cycleNo} ${d.loadDate}` : ''}
    >
      {d ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Tag color={LOAD_COLOR[d.status]}>{t(d.status)}</Tag>
            <span>
              {t('physical')} {okTag(t, d.physicalOk)}
            </span>
            <span>
              {t('chemical')} {okTag(t, d.chemicalOk)}
            </span>
            <span>
              {t('biological')} {okTag(t, d.biologicalOk)}
            </span>
            {d.note ? <span>{d.note}</span> : null}
          </Space>
          {d.followUp.length ? (
            <Table<FollowUp>
              size="small"
              title={() => t('followUpTitle')}
              rowKey="code"
              pagination={false}
              scroll={{ x: 600 }}
              dataSource={d.followUp}
              columns={[
                { title: t('code'), dataIndex: 'code' },
                { title: t('wasStatus'), render: (_, f) => (f.wasStatus === 'used' ? t('used') : t('issued')) },
                { title: t('issuedTo'), render: (_, f) => `${f.orgName ?? ''} ${f.ward ?? ''}` },
                { title: t('patient'), render: (_, f) => f.residentName ?? '—' },
                { title: t('usedAt'), render: (_, f) => formatDateTime(f.usedAt) },
              ]}
            />
          ) : null}
          <Table
            size="small"
            rowKey="id"
            pagination={{ pageSize: 20 }}
            scroll={{ x: 500 }}
            dataSource={d.packList}
            columns={[
              { title: t('code'), dataIndex: 'code' },
              { title: t('packType'), dataIndex: 'typeName' },
              { title: t('expiresOn'), dataIndex: 'expiresOn' },
              { title: t('status'), render: (_, p) => t(p.status) },
            ]}
          />
        </Space>
      ) : null}
    </Drawer>
  );
}
