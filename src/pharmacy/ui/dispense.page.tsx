import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Input, InputNumber, List, Select, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { ResidentSelect } from '../../chronic/ui/case-modals.tsx';
import { apiGet, apiSend } from '../../web/api.ts';
import { useCurrentUser, useMayCall } from '../../web/current-user.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { formatDateTime, formatMoney } from '../../web/format.ts';
import { useT } from '../../web/i18n.ts';
import { PrintButton } from '../../web/kit/print.tsx';
import { Page } from '../../web/page.tsx';
import { DispenseRecords, FlagList, ReturnButton, Shortages } from './dispense-parts.tsx';
import {
  availableList,
  dispenseView,
  PHARMACY_KEY,
  pendingList,
  type AvailableItem,
  type DispenseView,
} from './stock.api.ts';
import { stockMessages } from './stock.i18n.ts';

/** 发药: the counter of a village clinic, a township centre or the hospital pharmacy. */
export function DispensePage() {
  const t = useT(stockMessages);
  const canFlags = useMayCall('GET /api/pharmacy/trace-flags');
  return (
    <Page title={t('dispenseTitle')}>
      <Tabs
        items={[
          { key: 'counter', label: t('tabCounter'), children: <Counter /> },
          { key: 'records', label: t('tabRecords'), children: <DispenseRecords /> },
          { key: 'shortages', label: t('tabShortages'), children: <Shortages /> },
          ...(canFlags ? [{ key: 'flags', label: t('tabFlags'), children: <FlagList /> }] : []),
        ]}
      />
    </Page>
  );
}

interface Line {
  key: number;
  drug?: AvailableItem;
  qty?: number;
  usage: string;
  traceCodes: string[];
}
let lineKey = 0;
const emptyLine = (): Line => ({ key: ++lineKey, usage: '', traceCodes: [] });

function Counter() {
  const t = useT(stockMessages);
  const me = useCurrentUser();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [residentId, setResidentId] = useState<number | undefined>();
  const [prescriptionId, setPrescriptionId] = useState<number | undefined>();
  const [lines, setLines] = useState<Line[]>([emptyLine()]);
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  const [done, setDone] = useState<DispenseView | null>(null);
  const pending = useQuery({
    queryKey: [...PHARMACY_KEY, 'pending', residentId],
    queryFn: () => apiGet('/api/pharmacy/prescriptions', pendingList, { residentId }),
    enabled: residentId !== undefined,
  });
  const submit = useMutation({
    mutationFn: () =>
      apiSend(
        'POST',
        '/api/pharmacy/dispenses',
        {
          clientId,
          residentId,
          prescriptionId,
          deviceAt: new Date().toISOString(),
          lines: lines
            .filter((l) => l.drug)
            .map((l) => ({ drugId: l.drug?.id, qty: l.qty, usage: l.usage, traceCodes: l.traceCodes })),
        },
        dispenseView,
      ),
    onSuccess: (d) => {
      setDone(d);
      void message.success(t('dispensed'));
      setLines([emptyLine()]);
      setPrescriptionId(undefined);
      setClientId(crypto.randomUUID());
      void qc.invalidateQueries({ queryKey: PHARMACY_KEY });
    },
  });
  const patch = (key: number, p: Partial<Line>) =>
    setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...p } : l)));
  const fromPrescription = async (id: number) => {
    const p = pending.data?.items.find((x) => x.id === id);
    if (!p) return;
    const stock = await Promise.all(
      p.lines.map((l) =>
        l.drugId === null
          ? Promise.resolve(null)
          : apiGet('/api/pharmacy/stock/available', availableList, { orgId: me.org.id, q: l.itemName }).then(
              (r) => r.items.find((i) => i.id === l.drugId) ?? null,
            ),
      ),
    );
    setPrescriptionId(id);
    setLines(
      p.lines.map((l, i) => ({
        key: ++lineKey,
        drug: stock[i] ?? undefined,
        qty: l.qty ?? undefined,
        usage: l.usage,
        traceCodes: [],
      })),
    );
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small">
        <Space orientation="vertical" style={{ width: '100%' }}>
          <ResidentSelect
            value={residentId}
            onChange={(v) => {
              setResidentId(v);
              setPrescriptionId(undefined);
              setDone(null);
            }}
          />
          {residentId !== undefined ? (
            pending.data?.items.length ? (
              <List
                size="small"
                header={t('prescriptions')}
                dataSource={pending.data.items}
                renderItem={(p) => (
                  <List.Item
                    actions={[
                      <Button
                        key="use"
                        size="small"
                        type={prescriptionId === p.id ? 'primary' : 'default'}
                        onClick={() => void fromPrescription(p.id)}
                      >
                        {t('usePrescription')}
                      </Button>,
                    ]}
                  >
                    {`${formatDateTime(p.prescribedAt)} · ${p.doctor} · ${p.lines.map((l) => l.itemName).join('、')}`}
                  </List.Item>
                )}
              />
            ) : (
              <Tag>{t('noPrescription')}</Tag>
            )
          ) : null}
        </Space>
      </Card>
      <Card size="small">
        <Space orientation="vertical" style={{ width: '100%' }}>
          {lines.map((l, n) => (
            <Space key={l.key} wrap align="start" data-line={n}>
              <DrugPicker
                orgId={me.org.id}
                value={l.drug}
                onChange={(drug) => patch(l.key, { drug, qty: drug.splitAllowed ? 1 : drug.packQty })}
              />
              <InputNumber
                aria-label={`${t('qty')} ${n + 1}`}
                min={1}
                precision={0}
                value={l.qty}
                onChange={(v) => patch(l.key, { qty: v ?? undefined })}
                suffix={l.drug?.minUnit}
                style={{ width: 130 }}
              />
              <Input
                aria-label={`${t('usage')} ${n + 1}`}
                placeholder={t('usagePlaceholder')}
                value={l.usage}
                maxLength={80}
                onChange={(e) => patch(l.key, { usage: e.target.value })}
                style={{ width: 220 }}
              />
              <Select
                mode="tags"
                aria-label={`${t('code')} ${n + 1}`}
                placeholder={t('traceCodes')}
                value={l.traceCodes}
                tokenSeparators={[',', ' ', '\n']}
                onChange={(codes: string[]) => patch(l.key, { traceCodes: codes.map((c) => c.trim()).filter(Boolean) })}
                open={false}
                style={{ minWidth: 260 }}
              />
              <Button
                aria-label={t('remove')}
                icon={<DeleteOutlined />}
                onClick={() => setLines((ls) => ls.filter((x) => x.key !== l.key))}
              />
            </Space>
          ))}
          <Space wrap>
            <Button icon={<PlusOutlined />} onClick={() => setLines((ls) => [...ls, emptyLine()])}>
              {t('addLine')}
            </Button>
            <Button
              type="primary"
              disabled={residentId === undefined || !lines.some((l) => l.drug)}
              loading={submit.isPending}
              onClick={() => submit.mutate()}
            >
              {t('dispense')}
            </Button>
          </Space>
          {submit.isError ? <ErrorAlert error={submit.error} /> : null}
        </Space>
      </Card>
      {done ? <Dispensed d={done} /> : null}
    </Space>
  );
}

function DrugPicker({
  orgId,
  value,
  onChange,
}: {
  orgId: number;
  value?: AvailableItem;
  onChange: (d: AvailableItem) => void;
}) {
  const t = useT(stockMessages);
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: [...PHARMACY_KEY, 'available', orgId, q],
    queryFn: () => apiGet('/api/pharmacy/stock/available', availableList, { orgId, q: q || undefined }),
  });
  const items = found.data?.items ?? [];
  const options = [...(value && !items.some((i) => i.id === value.id) ? [value] : []), ...items];
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      aria-label={t('drug')}
      placeholder={t('pickDrug')}
      style={{ width: 300 }}
      value={value?.id}
      loading={found.isFetching}
      onChange={(id: number) => {
        const d = options.find((i) => i.id === id);
        if (d) onChange(d);
      }}
      options={options.map((i) => ({
        value: i.id,
        label: `${i.name} ${i.spec} · ${t('availableN', { n: i.available, unit: i.minUnit })}`,
        disabled: i.available <= 0,
      }))}
    />
  );
}

function Dispensed({ d }: { d: DispenseView }) {
  const t = useT(stockMessages);
  return (
    <Card
      size="small"
      title={`${t('dispensed')} · ${d.residentName} · ${formatMoney(d.totalFen)}`}
      extra={<PrintButton label={t('label')} title={t('labelTitle')} paper="ticket" render={() => <Labels d={d} />} />}
    >
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={d.lines}
        scroll={{ x: 700 }}
        columns={[
          { key: 'name', title: t('drug'), render: (_, l) => `${l.name} ${l.spec}` },
          { key: 'batch', title: t('batchNo'), dataIndex: 'batchNo', width: 100 },
          { key: 'expiry', title: t('expiry'), dataIndex: 'expiryDate', width: 100 },
          { key: 'qty', title: t('qty'), width: 80, render: (_, l) => `${l.qty}${l.minUnit}` },
          { key: 'amount', title: t('total'), width: 80, render: (_, l) => formatMoney(l.amountFen) },
          { key: 'codes', title: t('code'), render: (_, l) => l.traceCodes.join(' ') },
          { key: 'return', title: '', width: 80, render: (_, l) => <ReturnButton line={l} /> },
        ]}
      />
    </Card>
  );
}

/** one label per line: who, what, how to take it, batch and expiry (80 mm roll) */
function Labels({ d }: { d: DispenseView }) {
  const t = useT(stockMessages);
  return (
    <div>
      {d.lines.map((l) => (
        <div key={l.id} style={{ borderBottom: '1px dashed #999', padding: '4mm 0', breakInside: 'avoid' }}>
          <Descriptions
            size="small"
            column={1}
            title={`${d.orgName} · ${d.residentName}`}
            items={[
              { key: 'drug', label: t('drug'), children: `${l.name} ${l.spec}` },
              { key: 'usage', label: t('usage'), children: <strong>{l.usage}</strong> },
              { key: 'qty', label: t('qty'), children: `${l.qty}${l.minUnit}` },
              { key: 'batch', label: t('batchNo'), children: `${l.batchNo} · ${t('expiry')} ${l.expiryDate}` },
              { key: 'at', label: t('dispensedAt'), children: formatDateTime(d.dispensedAt) },
            ]}
          />
        </div>
      ))}
    </div>
  );
}
