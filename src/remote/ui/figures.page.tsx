import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Row,
  Segmented,
  Select,
  Space,
  Statistic,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { apiDownload, apiGet } from '../../web/api.ts';
import { ErrorAlert, errorMessage } from '../../web/error-alert.tsx';
import { todayShanghai } from '../../web/format.ts';
import { useT, type Translate } from '../../web/i18n.ts';
import { Page } from '../../web/page.tsx';
import {
  REMOTE_CENTRES,
  REMOTE_FIGURE_GROUPS,
  remoteFigures,
  type RemoteCell,
  type RemoteFigure,
} from '../figures.schema.ts';
import { RemoteFigureCharts } from './figures-charts.tsx';
import { remoteFiguresMessages } from './remote-figures.i18n.ts';

type T = Translate<typeof remoteFiguresMessages>;
type View = 'byMonth' | 'byTownship' | 'byCentre';
type Centre = (typeof REMOTE_CENTRES)[number];

/** '2025-03' + n months */
function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const i = y * 12 + m - 1 + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}
const THIS_MONTH = todayShanghai().slice(0, 7);
const MONTHS = Array.from({ length: 36 }, (_, i) => addMonths(THIS_MONTH, -i));

const shown = (t: T, f: { unit: RemoteFigure['unit'] }, v: number | null) =>
  v === null
    ? '—'
    : f.unit === 'percent'
      ? `${v}%`
      : f.unit === 'growth'
        ? `${v > 0 ? '+' : ''}${v}%`
        : f.unit === 'minutes'
          ? t('minutes', { v })
          : String(v);

const parts = (t: T, f: RemoteFigure, c: RemoteCell) =>
  f.unit === 'minutes'
    ? `${t('cases')} ${c.denominator ?? 0}`
    : c.denominator === null
      ? ''
      : `${t('numerator')} ${c.numerator ?? 0} / ${t('denominator')} ${c.denominator}`;

/** A figure: its value, numerator / denominator; the definition below when picked. */
function FigureCard({ f, t, selected, onSelect }: { f: RemoteFigure; t: T; selected: boolean; onSelect: () => void }) {
  return (
    <Card
      size="small"
      hoverable
      onClick={onSelect}
      data-figure={f.key}
      style={selected ? { borderColor: '#1668dc' } : undefined}
      title={f.label}
    >
      <Statistic value={shown(t, f, f.value)} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {parts(t, f, f)}
      </Typography.Text>
    </Card>
  );
}

type Line = RemoteCell & { key: string; name: string };

/** the picked figure by month, township or centre, with its definition */
function Breakdown({ f, t }: { f: RemoteFigure; t: T }) {
  const available: View[] = ['byMonth', ...(['byTownship', 'byCentre'] as const).filter((v) => f[v] !== null)];
  const [picked, setPicked] = useState<View>('byMonth');
  const view = available.includes(picked) ? picked : 'byMonth';
  const rows: Line[] =
    view === 'byMonth'
      ? f.byMonth.map((m) => ({ ...m, key: m.month, name: m.month }))
      : (f[view] ?? []).map((p) => ({ ...p, key: p.id, name: p.name }));
  return (
    <Card size="small" style={{ marginTop: 16 }} title={f.label}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }} data-definition={f.key}>
        {`${f.definition}. ${t('numerator')}: ${f.numeratorText}; ${t('denominator')}: ${f.denominatorText}. ${t('definitionFile')}: ${f.view}`}
      </Typography.Paragraph>
      <Segmented
        style={{ marginBottom: 12 }}
        value={view}
        onChange={(v) => setPicked(v)}
        options={available.map((v) => ({ value: v, label: t(v) }))}
      />
      <Table<Line>
        size="small"
        rowKey="key"
        dataSource={rows}
        pagination={false}
        scroll={{ x: 480 }}
        locale={{ emptyText: t('noData') }}
        columns={[
          { title: view === 'byMonth' ? t('month') : t('name'), dataIndex: 'name', fixed: 'left' },
          { title: t('numerator'), align: 'right', render: (_, r) => r.numerator ?? '—' },
          { title: t('denominator'), align: 'right', render: (_, r) => r.denominator ?? '—' },
          { title: t('value'), align: 'right', render: (_, r) => shown(t, f, r.value) },
        ]}
      />
    </Card>
  );
}

/** 远程诊断统计 (/remote/figures): turnaround, critical values, recognition, volume, ECG coverage and consultations. */
export function RemoteFiguresPage() {
  const t = useT(remoteFiguresMessages);
  const { message } = App.useApp();
  const [to, setTo] = useState(THIS_MONTH);
  const [from, setFrom] = useState(addMonths(THIS_MONTH, -11));
  const [centre, setCentre] = useState<Centre | undefined>(undefined);
  const [townshipId, setTownshipId] = useState<number | undefined>(undefined);
  const [selected, setSelected] = useState('within_limit');
  const [exporting, setExporting] = useState(false);
  const q = { from, to, centre, townshipId };
  const figures = useQuery({
    queryKey: ['remote', 'figures', q],
    queryFn: () => apiGet('/api/remote/figures', remoteFigures, q),
  });
  const d = figures.data;
  const f = d?.figures.find((x) => x.key === selected) ?? d?.figures[0];
  const download = async () => {
    setExporting(true);
    try {
      const name = await apiDownload('/api/remote/figures/export', q);
      void message.success(t('exported', { name }));
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setExporting(false);
    }
  };
  return (
    <Page
      title={t('title')}
      extra={
        <Space wrap>
          <Select
            aria-label={t('from')}
            style={{ width: 120 }}
            value={from}
            onChange={setFrom}
            options={MONTHS.filter((m) => m <= to).map((m) => ({ value: m, label: m }))}
          />
          <Select
            aria-label={t('to')}
            style={{ width: 120 }}
            value={to}
            onChange={setTo}
            options={MONTHS.filter((m) => m >= from).map((m) => ({ value: m, label: m }))}
          />
          <Select<Centre>
            aria-label={t('centre')}
            style={{ width: 140 }}
            allowClear
            placeholder={t('allCentres')}
            value={centre}
            onChange={setCentre}
            options={REMOTE_CENTRES.map((c) => ({ value: c, label: t(`centre.${c}`) }))}
          />
          <Select<number>
            aria-label={t('township')}
            style={{ width: 160 }}
            allowClear
            placeholder={t('allTownships')}
            value={townshipId ?? (d && d.townships.length === 1 ? (d.townshipId ?? undefined) : undefined)}
            onChange={setTownshipId}
            options={(d?.townships ?? []).map((x) => ({ value: x.id, label: x.name }))}
          />
          <Button icon={<DownloadOutlined />} loading={exporting} disabled={!d} onClick={() => void download()}>
            {t('exportExcel')}
          </Button>
        </Space>
      }
    >
      {figures.isError ? <ErrorAlert error={figures.error} onRetry={() => void figures.refetch()} /> : null}
      {d ? (
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          <Typography.Text type="secondary">{t('pickHint')}</Typography.Text>
          {REMOTE_FIGURE_GROUPS.map((g) => (
            <div key={g}>
              <Typography.Title level={5}>{t(`group.${g}`)}</Typography.Title>
              <Row gutter={[12, 12]}>
                {d.figures
                  .filter((x) => x.group === g)
                  .map((x) => (
                    <Col key={x.key} xs={24} sm={12} lg={8} xl={6}>
                      <FigureCard f={x} t={t} selected={x.key === f?.key} onSelect={() => setSelected(x.key)} />
                    </Col>
                  ))}
              </Row>
            </div>
          ))}
          {f ? <Breakdown key={f.key} f={f} t={t} /> : null}
          <RemoteFigureCharts d={d} t={t} />
          <Card size="small" title={t('definitions')}>
            <Descriptions
              size="small"
              column={1}
              bordered
              items={d.figures.map((x) => ({
                key: x.key,
                label: x.label,
                children: `${x.definition}. ${t('numerator')}: ${x.numeratorText}; ${t('denominator')}: ${x.denominatorText}. ${x.view}`,
              }))}
            />
          </Card>
        </Space>
      ) : null}
    </Page>
  );
}
