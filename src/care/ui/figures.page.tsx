import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Row, Segmented, Select, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { apiGet } from '../../web/api.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { formatCount, formatMoney, todayShanghai } from '../../web/format.ts';
import { useLang, useT, type Translate } from '../../web/i18n.ts';
import { Chart, type ChartOption } from '../../web/kit/chart.tsx';
import { Page } from '../../web/page.tsx';
import { careFigures, type CareFigure, type FigureCell, type PartUnit } from '../figures.schema.ts';
import { FigureRecords, type CellRef } from './figure-records.tsx';
import { careFigureText, figuresMessages } from './figures.i18n.ts';

type T = Translate<typeof figuresMessages>;

/** '2025-03' + n months */
function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const i = y * 12 + m - 1 + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}
const THIS_MONTH = todayShanghai().slice(0, 7);
const MONTHS = Array.from({ length: 36 }, (_, i) => addMonths(THIS_MONTH, -i));

function shown(f: CareFigure, v: number | null, t: T): string {
  if (v === null) return '—';
  if (f.unit === 'fen') return formatMoney(v);
  if (f.unit === 'days') return `${v} ${t('days')}`;
  return `${f.unit === 'growth' && v > 0 ? '+' : ''}${v}%`;
}
/** fen are shown in yuan */
const amount = (unit: PartUnit, n: number) => (unit === 'fen' ? formatMoney(n) : formatCount(n));
const met = (f: CareFigure) =>
  f.aim === null || f.value === null ? null : f.aim.op === 'ge' ? f.value >= f.aim.value : f.value <= f.aim.value;

/** A number that opens the records it counts (when the figure has records). */
function Opens({ f, n, p, onOpen }: { f: CareFigure; n: number; p: CellRef['part']; onOpen: () => void }) {
  const text = amount(f.parts[p], n);
  if (!f.drillable.includes(p)) return <span>{text}</span>;
  return (
    <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={onOpen}>
      {text}
    </Button>
  );
}

function FigureCard({
  f,
  selected,
  onSelect,
  onOpen,
}: {
  f: CareFigure;
  selected: boolean;
  onSelect: () => void;
  onOpen: (p: 'numerator' | 'denominator') => void;
}) {
  const t = useT(figuresMessages);
  const text = careFigureText(f, useLang());
  const ok = met(f);
  return (
    <Card
      size="small"
      hoverable
      onClick={onSelect}
      data-figure={f.key}
      style={selected ? { borderColor: '#1668dc' } : undefined}
      title={
        <Tooltip title={`${text.definition}（${f.view}）`}>
          <span>{text.label}</span>
        </Tooltip>
      }
      extra={f.aim ? <Tag color={ok === null ? 'default' : ok ? 'green' : 'red'}>{f.aim.text}</Tag> : null}
    >
      <Statistic value={shown(f, f.value, t)} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }} onClick={(e) => e.stopPropagation()}>
        {f.unit === 'growth' ? `${t('thisPeriod')} ` : `${t('numerator')} `}
        <Opens f={f} p="numerator" n={f.numerator} onOpen={() => onOpen('numerator')} />
        {f.unit === 'growth' ? ` · ${t('yearEarlier')} ` : ` / ${t('denominator')} `}
        <Opens f={f} p="denominator" n={f.denominator} onOpen={() => onOpen('denominator')} />
      </Typography.Text>
      {f.uncomparable.length > 0 && (
        <Typography.Paragraph type="warning" style={{ fontSize: 12, margin: '4px 0 0' }}>
          {t('uncomparable', { n: f.uncomparable.length })}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

function trend(f: CareFigure, name: string, aimName: string): ChartOption {
  const months = f.byMonth.map((m) => m.month);
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value' },
    series: [
      { name, type: 'line', data: f.byMonth.map((m) => m.value) },
      ...(f.aim
        ? [{ name: aimName, type: 'line' as const, symbol: 'none', data: months.map(() => f.aim?.value ?? null) }]
        : []),
    ],
  };
}

type Row = FigureCell & {
  key: string;
  name: string;
  month?: string;
  orgId?: number;
  townshipId?: number;
  mom?: number | null;
};

/** 医共体运行指标: cards, a month trend, and the figure by month, org and township, each number opening its records. */
export function CareFiguresPage() {
  const t = useT(figuresMessages);
  const lang = useLang();
  const [to, setTo] = useState(THIS_MONTH);
  const [from, setFrom] = useState(addMonths(THIS_MONTH, -11));
  const [townshipId, setTownshipId] = useState<number | undefined>();
  const [selected, setSelected] = useState('county_internal_visits');
  const [view, setView] = useState<'byMonth' | 'byTownship' | 'byOrg'>('byMonth');
  const [cell, setCell] = useState<CellRef | null>(null);
  const q = { from, to, townshipId };
  const figures = useQuery({
    queryKey: ['care-figures', q],
    queryFn: () => apiGet('/api/care-figures', careFigures, q),
  });
  const all = figures.data?.figures ?? [];
  const f = all.find((x) => x.key === selected) ?? all[0];
  const townships = all[0]?.byTownship ?? [];
  const months = f ? f.byMonth.map((m) => m.month).reverse() : [];
  const open = (fig: CareFigure, p: CellRef['part'], at: Partial<CellRef>) =>
    fig.drillable.includes(p) && setCell({ figure: fig, part: p, month: at.month ?? to, townshipId, ...at });

  const rows: Row[] = !f
    ? []
    : view === 'byMonth'
      ? f.byMonth.map((m) => ({ ...m, key: m.month, name: m.month, mom: m.previousMonthGrowth }))
      : view === 'byOrg'
        ? f.byOrg.map((o) => ({ ...o, key: String(o.orgId), name: o.orgName, townshipId: undefined }))
        : f.byTownship.map((o) => ({ ...o, key: String(o.townshipId), name: o.townshipName }));
  const at = (r: Row): Partial<CellRef> =>
    view === 'byMonth'
      ? { month: r.month }
      : view === 'byOrg'
        ? { orgId: r.orgId, townshipId: undefined, where: r.name }
        : { townshipId: r.townshipId, where: r.name };

  return (
    <Page title={t('title')}>
      <Space wrap style={{ marginBottom: 12 }}>
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
        <Select
          aria-label={t('township')}
          style={{ width: 180 }}
          allowClear
          placeholder={t('allTownships')}
          value={townshipId}
          onChange={(v?: number) => setTownshipId(v)}
          options={townships.map((x) => ({ value: x.townshipId, label: x.townshipName }))}
        />
      </Space>
      {figures.isError ? <ErrorAlert error={figures.error} onRetry={() => void figures.refetch()} /> : null}
      <Typography.Paragraph type="secondary">{t('pickHint')}</Typography.Paragraph>
      <Row gutter={[12, 12]}>
        {all.map((x) => (
          <Col key={x.key} xs={24} sm={12} lg={8} xl={6}>
            <FigureCard
              f={x}
              selected={x.key === f?.key}
              onSelect={() => setSelected(x.key)}
              onOpen={(p) => open(x, p, {})}
            />
          </Col>
        ))}
      </Row>
      {f ? (
        <Card size="small" style={{ marginTop: 16 }} title={t('trend', { name: careFigureText(f, lang).label })}>
          <Chart
            label={t('trend', { name: careFigureText(f, lang).label })}
            option={trend(f, careFigureText(f, lang).label, t('aim'))}
          />
          <Segmented
            style={{ margin: '12px 0' }}
            value={view}
            onChange={(v) => setView(v as typeof view)}
            options={[
              { value: 'byMonth', label: t('byMonth') },
              { value: 'byTownship', label: t('byTownship') },
              { value: 'byOrg', label: t('byOrg') },
            ]}
          />
          <Table<Row>
            size="small"
            rowKey="key"
            dataSource={rows}
            pagination={false}
            scroll={{ x: 520 }}
            locale={{ emptyText: t('noData') }}
            columns={[
              {
                title: view === 'byMonth' ? t('month') : view === 'byOrg' ? t('org') : t('township'),
                dataIndex: 'name',
                fixed: 'left',
              },
              {
                title: f.unit === 'growth' ? t('thisPeriod') : t('numerator'),
                align: 'right',
                render: (_, r) => (
                  <Opens f={f} p="numerator" n={r.numerator} onOpen={() => open(f, 'numerator', at(r))} />
                ),
              },
              {
                title: f.unit === 'growth' ? t('yearEarlier') : t('denominator'),
                align: 'right',
                render: (_, r) => (
                  <Opens f={f} p="denominator" n={r.denominator} onOpen={() => open(f, 'denominator', at(r))} />
                ),
              },
              { title: t('value'), align: 'right', render: (_, r) => shown(f, r.value, t) },
              ...(f.unit === 'growth' && view === 'byMonth'
                ? [
                    {
                      title: t('previousMonth'),
                      align: 'right' as const,
                      render: (_: unknown, r: Row) => shown(f, r.mom ?? null, t),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      ) : null}
      <FigureRecords
        cell={cell}
        months={months}
        onMonth={(month) => cell && setCell({ ...cell, month })}
        onClose={() => setCell(null)}
      />
    </Page>
  );
}
