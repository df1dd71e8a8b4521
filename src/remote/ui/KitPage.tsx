import { Alert, Button, Card, Empty, Form, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../web/error-alert.tsx';
import { formatDateTime, todayShanghai } from '../../web/format.ts';
import { useT } from '../../web/i18n.ts';
import { Page } from '../../web/page.tsx';
import { synthEcg } from '../formats/ecg-synth.ts';
import {
  useKitDevices,
  useKitFlagged,
  useKitReadings,
  useResidents,
  useReview,
  useSendBatch,
  type BatchResult,
  type KitReadingRow,
} from './kit.api.ts';
import { kitMessages } from './kit.i18n.ts';

/**
 * 健康一体机 (/remote/kit, issue 12 §6): the village doctor's kit. A reading entered here goes
 * up exactly as the kit sends it (a batch with a client-made reading id, so pressing twice
 * stores it once); "上传一体机心电" synthesises an ECG and uploads it, and the answer shows the
 * reading request's accession number. Below: the kit's readings today and those to review.
 */
const KINDS = ['bp', 'glucose', 'spo2', 'temperature'] as const;
type Kind = (typeof KINDS)[number];
const FIELDS: Record<Kind, Array<'systolic' | 'diastolic' | 'pulse' | 'glucose' | 'spo2' | 'temperature'>> = {
  bp: ['systolic', 'diastolic', 'pulse'],
  glucose: ['glucose'],
  spo2: ['spo2', 'pulse'],
  temperature: ['temperature'],
};
const newId = (prefix: string) => `${prefix}-${crypto.randomUUID()}`;

function valueText(r: KitReadingRow): string {
  switch (r.kind) {
    case 'bp':
      return `${r.systolic}/${r.diastolic} mmHg${r.pulse ? ` · ${r.pulse}/min` : ''}`;
    case 'glucose':
      return `${r.glucose} mmol/L`;
    case 'spo2':
      return `${r.spo2} %${r.pulse ? ` · ${r.pulse}/min` : ''}`;
    case 'temperature':
      return `${r.temperature} ℃`;
    default:
      return `${r.ecgLeads ?? ''}L${r.heartRate ? ` · ${r.heartRate}/min` : ''}`;
  }
}

function ResultAlert({ result }: { result: BatchResult }) {
  const t = useT(kitMessages);
  const item = result.items[0];
  if (!item) return null;
  const type = item.status === 'refused' ? 'error' : item.flagged ? 'warning' : 'success';
  return (
    <Alert
      type={type}
      showIcon
      data-testid="kit-result"
      title={`${t(item.status)}${item.flagged ? ` · ${t('flaggedTag')}` : ''}`}
      description={[...item.reasons, ...item.flagReasons].join('；') || undefined}
    />
  );
}

export function KitPage() {
  const t = useT(kitMessages);
  const devices = useKitDevices();
  const [deviceId, setDeviceId] = useState<string>();
  const device = deviceId ?? devices.data?.items[0]?.id;
  const [q, setQ] = useState('');
  const residents = useResidents(q);
  const [residentId, setResidentId] = useState<number>();
  const [kind, setKind] = useState<Kind>('bp');
  const [values, setValues] = useState<Record<string, number | null>>({});
  const [leads, setLeads] = useState<1 | 12>(12);
  const [pattern, setPattern] = useState<'normal' | 'inferior_stemi'>('inferior_stemi');
  const send = useSendBatch();
  const ecgSend = useSendBatch();
  const review = useReview();
  const [last, setLast] = useState<BatchResult>();
  const today = todayShanghai();
  const readings = useKitReadings({ deviceId: device, from: today, to: today, pageSize: 50 }, device !== undefined);
  const flagged = useKitFlagged({ pageSize: 50 });

  const upload = () => {
    if (!device || !residentId) return;
    const reading: Record<string, unknown> = {
      readingId: newId('web'),
      residentId,
      kind,
      measuredAt: new Date().toISOString(),
    };
    for (const f of FIELDS[kind]) if (values[f] != null) reading[f] = values[f];
    send.mutate({ deviceId: device, readings: [reading] }, { onSuccess: setLast });
  };
  const uploadEcg = () => {
    if (!device || !residentId) return;
    const heartRate = pattern === 'inferior_stemi' ? 88 : 72;
    const waves = synthEcg({ leads, seconds: 10, sampleRateHz: 500, heartRate, pattern });
    ecgSend.mutate({
      deviceId: device,
      readings: [
        {
          readingId: newId('ecg'),
          residentId,
          kind: 'ecg',
          heartRate,
          measuredAt: new Date().toISOString(),
          ecg: { leads, sampleRateHz: 500, samplesUv: waves.map((w) => w.samplesUv.map((v) => Math.round(v))) },
        },
      ],
    });
  };
  const ecgItem = ecgSend.data?.items[0];

  const columns = [
    { key: 'at', title: t('measuredAt'), render: (_: unknown, r: KitReadingRow) => formatDateTime(r.measuredAt) },
    { key: 'res', title: t('resident'), render: (_: unknown, r: KitReadingRow) => r.residentName },
    { key: 'kind', title: t('kind'), render: (_: unknown, r: KitReadingRow) => t(`kind.${r.kind}` as 'kind.bp') },
    { key: 'value', title: t('value'), render: (_: unknown, r: KitReadingRow) => valueText(r) },
    {
      key: 'flag',
      title: t('reasons'),
      render: (_: unknown, r: KitReadingRow) => (
        <Space wrap size={4}>
          {r.flagReasons.map((x) => (
            <Tag key={x} color={r.reviewedAt ? 'default' : 'orange'}>
              {x}
            </Tag>
          ))}
          {r.accession ? <Tag color="blue">{`${t('accession')} ${r.accession}`}</Tag> : null}
        </Space>
      ),
    },
  ];

  return (
    <Page
      title={t('title')}
      extra={
        <Select
          style={{ width: 260 }}
          aria-label={t('device')}
          value={device}
          onChange={setDeviceId}
          loading={devices.isLoading}
          options={(devices.data?.items ?? []).map((d) => ({ value: d.id, label: `${d.id} · ${d.orgName}` }))}
        />
      }
    >
      {devices.data && devices.data.items.length === 0 ? (
        <Alert type="info" showIcon title={t('noDevice')} style={{ marginBottom: 16 }} />
      ) : null}
      <Card size="small" title={t('entry')} style={{ marginBottom: 16 }}>
        <Form layout="inline" style={{ rowGap: 8 }}>
          <Form.Item label={t('resident')}>
            <Select
              data-testid="kit-resident"
              aria-label={t('resident')}
              style={{ width: 220 }}
              showSearch={{ filterOption: false, onSearch: setQ }}
              placeholder={t('residentPh')}
              value={residentId}
              onChange={setResidentId}
              options={(residents.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))}
            />
          </Form.Item>
          <Form.Item label={t('kind')}>
            <Select
              style={{ width: 120 }}
              aria-label={t('kind')}
              value={kind}
              onChange={(k: Kind) => {
                setKind(k);
                setValues({});
              }}
              options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
            />
          </Form.Item>
          {FIELDS[kind].map((f) => (
            <Form.Item key={f} label={t(f)}>
              <InputNumber
                data-testid={`kit-${f}`}
                style={{ width: 100 }}
                value={values[f] ?? null}
                onChange={(v) => setValues((s) => ({ ...s, [f]: v }))}
              />
            </Form.Item>
          ))}
          <Form.Item>
            <Button type="primary" loading={send.isPending} disabled={!device || !residentId} onClick={upload}>
              {t('upload')}
            </Button>
          </Form.Item>
        </Form>
        {!residentId ? <Typography.Text type="secondary">{t('pickResident')}</Typography.Text> : null}
        {send.isError ? <Alert type="error" showIcon title={errorMessage(send.error)} /> : null}
        {last ? <ResultAlert result={last} /> : null}
      </Card>

      <Card size="small" title={t('ecgCard')} style={{ marginBottom: 16 }}>
        <Space wrap>
          <Select
            style={{ width: 120 }}
            aria-label={t('leads')}
            value={leads}
            onChange={setLeads}
            options={([12, 1] as const).map((n) => ({ value: n, label: t(`leads.${n}`) }))}
          />
          <Select
            data-testid="kit-ecg-pattern"
            style={{ width: 240 }}
            aria-label={t('pattern')}
            value={pattern}
            onChange={setPattern}
            options={(['normal', 'inferior_stemi'] as const).map((p) => ({ value: p, label: t(`pattern.${p}`) }))}
          />
          <Button
            type="primary"
            data-testid="kit-ecg-upload"
            loading={ecgSend.isPending}
            disabled={!device || !residentId}
            onClick={uploadEcg}
          >
            {t('ecgUpload')}
          </Button>
        </Space>
        {ecgSend.isError ? <Alert type="error" showIcon title={errorMessage(ecgSend.error)} /> : null}
        {ecgItem?.accession ? (
          <Alert
            style={{ marginTop: 12 }}
            type="success"
            showIcon
            data-testid="kit-ecg-result"
            data-accession={ecgItem.accession}
            title={t(ecgItem.status === 'duplicate' ? 'ecgDuplicate' : 'ecgDone', { accession: ecgItem.accession })}
          />
        ) : ecgItem ? (
          <Alert style={{ marginTop: 12 }} type="error" showIcon title={ecgItem.reasons.join('；')} />
        ) : null}
      </Card>

      <Card size="small" title={t('flaggedList')} style={{ marginBottom: 16 }}>
        {flagged.isError ? <Alert type="error" showIcon title={errorMessage(flagged.error)} /> : null}
        <Table
          size="small"
          data-testid="kit-flagged"
          rowKey={(r) => `${r.deviceId}/${r.readingId}`}
          loading={flagged.isFetching}
          dataSource={flagged.data?.items ?? []}
          pagination={false}
          scroll={{ x: 800 }}
          locale={{ emptyText: <Empty description={t('none')} /> }}
          columns={[
            ...columns,
            {
              key: 'review',
              title: '',
              render: (_: unknown, r: KitReadingRow) => (
                <Button
                  size="small"
                  loading={review.isPending && review.variables?.readingId === r.readingId}
                  onClick={() => review.mutate({ deviceId: r.deviceId, readingId: r.readingId })}
                >
                  {t('review')}
                </Button>
              ),
            },
          ]}
        />
        {review.isError ? <Alert type="error" showIcon title={errorMessage(review.error)} /> : null}
      </Card>

      <Card size="small" title={t('today')}>
        {readings.isError ? <Alert type="error" showIcon title={errorMessage(readings.error)} /> : null}
        <Table
          size="small"
          data-testid="kit-today"
          rowKey={(r) => `${r.deviceId}/${r.readingId}`}
          loading={readings.isFetching}
          dataSource={readings.data?.items ?? []}
          pagination={false}
          scroll={{ x: 800 }}
          locale={{ emptyText: <Empty description={t('none')} /> }}
          columns={columns}
        />
      </Card>
    </Page>
  );
}
