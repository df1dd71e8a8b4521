import { formatDateTime } from '../../web/format.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Drawer,
  InputNumber,
  Row,
  Segmented,
  Select,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { z } from 'zod';
import { org } from '../../orgs/orgs.schema.ts';
import { apiGet, apiSend } from '../../web/api.ts';
import { useCurrentUser, useMayCall } from '../../web/current-user.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { formatCount, todayShanghai } from '../../web/format.ts';
import { useT, type Translate } from '../../web/i18n.ts';
import { Chart, type ChartOption } from '../../web/kit/chart.tsx';
import { DataList } from '../../web/kit/data-list.tsx';
import { useListParams, useListQuery } from '../../web/kit/list-params.ts';
import { Page } from '../../web/page.tsx';
import { useIsMobile } from '../../web/use-is-mobile.ts';
import {
  baseData,
  dashboard,
  dataQuality,
  POPULATIONS,
  recordPage,
  type AreaRow,
  type BaseDataRow,
  type Cells,
  type Dashboard,
  type Figure,
  type Population,
  type Ratio,
  type RecordRow,
} from './figures.api.ts';
import { chronicFiguresMessages } from './figures.i18n.ts';

type T = Translate<typeof chronicFiguresMessages>;
type Level = 'county' | 'township' | 'village' | 'grid';
type Caliber = 'four' | 'quarterly';
type Disease = 'htn' | 't2dm';
const THIS_YEAR = Number(todayShanghai().slice(0, 4));
const YEARS = Array.from({ length: 6 }, (_, i) => THIS_YEAR - i);
const POP_LABEL: Record<Population, keyof typeof chronicFiguresMessages> = {
  all: 'popAll',
  elderly: 'popElderly',
  child: 'popChild',
  poor: 'popPoor',
  hypertension: 'popHypertension',
  diabetes: 'popDiabetes',
};
/** a rate as the server rounds it (one decimal); a count too small to show at that precision reads "<0.1%" */
const rate = (r: Ratio | undefined) =>
  r?.rate == null ? '—' : r.rate === 0 && r.numerator > 0 ? '<0.1%' : `${r.rate}%`;

/** one figure cell the drill-down opens */
interface Cell {
  figure: Figure;
  disease: Disease;
  part: 'numerator' | 'denominator';
  orgId?: number;
  title: string;
}

/** a number that opens its named list, or plain text where there is none (or for the bureau) */
function Num({ n, onOpen, testId }: { n: number; onOpen?: () => void; testId?: string }) {
  if (!onOpen) return <span data-testid={testId}>{formatCount(n)}</span>;
  return (
    <Button
      type="link"
      size="small"
      data-testid={testId}
      style={{ padding: 0, height: 'auto' }}
      onClick={(e) => {
        e.stopPropagation();
        onOpen();
      }}
    >
      {formatCount(n)}
    </Button>
  );
}

function KpiCard({
  label,
  definition,
  r,
  extra,
  onNum,
  onDen,
  testId,
  denNote,
  badge,
}: {
  label: string;
  definition: string;
  r: Ratio;
  extra?: ReactNode;
  onNum?: () => void;
  onDen?: () => void;
  testId?: string;
  denNote?: string;
  badge?: string;
}) {
  const t = useT(chronicFiguresMessages);
  return (
    <Card
      size="small"
      data-figure={testId}
      extra={
        badge ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {badge}
          </Typography.Text>
        ) : null
      }
      title={
        <Tooltip title={definition}>
          <span style={{ borderBottom: '1px dashed #999', cursor: 'help' }}>{label}</span>
        </Tooltip>
      }
    >
      <Statistic value={rate(r)} styles={{ content: { fontSize: 22 } }} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('numerator')} <Num n={r.numerator} onOpen={onNum} testId={testId ? `${testId}-num` : undefined} /> /{' '}
        {t('denominator')} <Num n={r.denominator} onOpen={onDen} testId={testId ? `${testId}-den` : undefined} />
        {denNote ? `（${denNote}）` : ''}
      </Typography.Text>
      {extra ? <div style={{ fontSize: 12, marginTop: 2 }}>{extra}</div> : null}
    </Card>
  );
}

/** 签约与慢病指标: county KPIs with numerators and denominators, bars and a table by area, named lists behind each number. */
export function ChronicFiguresPage() {
  const t = useT(chronicFiguresMessages);
  const mayQuality = useMayCall('GET /api/chronic/data-quality');
  const mayBase = useMayCall('PUT /api/chronic/base-data');
  const [tab, setTab] = useState('figures');
  const [year, setYear] = useState(THIS_YEAR);
  return (
    <Page title={t('title')}>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'figures', label: t('tabFigures'), children: <FiguresTab year={year} setYear={setYear} /> },
          ...(mayQuality
            ? [{ key: 'quality', label: t('tabQuality'), children: <QualityTab year={year} setYear={setYear} /> }]
            : []),
          ...(mayBase
            ? [{ key: 'base', label: t('tabBase'), children: <BaseTab year={year} setYear={setYear} /> }]
            : []),
        ]}
      />
    </Page>
  );
}

function YearSelect({ year, setYear }: { year: number; setYear: (y: number) => void }) {
  const t = useT(chronicFiguresMessages);
  return (
    <Select
      aria-label={t('year')}
      value={year}
      onChange={setYear}
      style={{ width: 100 }}
      options={YEARS.map((y) => ({ value: y, label: String(y) }))}
    />
  );
}

const orgList = z.array(org);

function FiguresTab({ year, setYear }: { year: number; setYear: (y: number) => void }) {
  const t = useT(chronicFiguresMessages);
  const me = useCurrentUser();
  const mobile = useIsMobile();
  const mayDrill = useMayCall('GET /api/chronic/figures/records');
  const [level, setLevel] = useState<Level>(me.org.kind === 'village_clinic' ? 'village' : 'township');
  const [caliber, setCaliber] = useState<Caliber>('four');
  const [orgId, setOrgId] = useState<number | undefined>();
  const [cell, setCell] = useState<Cell | null>(null);
  const orgs = useQuery({ queryKey: ['orgs'], queryFn: () => apiGet('/api/orgs', orgList), staleTime: 300_000 });
  const areaOptions = (orgs.data ?? [])
    .filter((o) => ['township_center', 'community_center', 'village_clinic'].includes(o.kind))
    .filter((o) =>
      me.org.kind === 'village_clinic'
        ? o.id === me.org.id
        : me.org.kind === 'township_center' || me.org.kind === 'community_center'
          ? o.id === me.org.id || o.parentId === me.org.id
          : true,
    )
    .map((o) => ({ value: o.id, label: o.kind === 'village_clinic' ? `· ${o.name}` : o.name }));
  const q = { year, level, caliber, orgId };
  const data = useQuery({
    queryKey: ['chronic-figures', q],
    queryFn: () => apiGet('/api/chronic/figures', dashboard, q),
  });
  const d = data.data;
  const open = (c: Omit<Cell, 'title'>, title: string) => (mayDrill ? () => setCell({ ...c, title }) : undefined);
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <YearSelect year={year} setYear={setYear} />
        <Segmented
          aria-label={t('level')}
          value={level}
          onChange={(v) => setLevel(v)}
          options={(['county', 'township', 'village', 'grid'] as const).map((l) => ({ value: l, label: t(l) }))}
        />
        <Select
          aria-label={t('caliber')}
          value={caliber}
          onChange={setCaliber}
          style={{ width: 180 }}
          options={[
            { value: 'four', label: t('caliberFour') },
            { value: 'quarterly', label: t('caliberQuarterly') },
          ]}
        />
        <Select
          allowClear
          aria-label={t('area')}
          placeholder={t('allAreas')}
          style={{ width: 180 }}
          value={orgId}
          onChange={(v?: number) => setOrgId(v)}
          options={areaOptions}
        />
      </Space>
      {data.isError ? <ErrorAlert error={data.error} onRetry={() => void data.refetch()} /> : null}
      {d ? (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="caliber-label"
            title={t('caliberNow', { label: d.caliberLabel })}
            description={`${mayDrill ? t('drillHint') : t('noDrill')} · ${t('computedAt', { at: formatDateTime(d.computedAt, { seconds: true }) })}`}
          />
          <Kpis d={d} t={t} open={open} orgId={orgId} />
          <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('chartSigned')}>
                <Chart label={t('chartSigned')} option={barSigned(d, t)} height={mobile ? 240 : 300} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('chartControl')}>
                <Chart label={t('chartControl')} option={barControl(d, t)} height={mobile ? 240 : 300} />
              </Card>
            </Col>
          </Row>
          <Card size="small" title={t('byArea')} style={{ marginTop: 12 }}>
            <AreaTable d={d} t={t} open={open} level={level} mobile={mobile} />
          </Card>
        </>
      ) : null}
      <Records cell={cell} year={year} caliber={caliber} onClose={() => setCell(null)} />
    </>
  );
}

type Opener = (c: Omit<Cell, 'title'>, title: string) => (() => void) | undefined;

function Kpis({ d, t, open, orgId }: { d: Dashboard; t: T; open: Opener; orgId?: number }) {
  const c = d.total;
  const def = (k: string) => d.definitions[k] ?? '';
  const disease = (dz: Disease) => {
    const x = c[dz];
    const name = t(dz);
    const f = (figure: Figure, part: 'numerator' | 'denominator', label: string) =>
      open({ figure, disease: dz, part, orgId }, `${name} · ${label}`);
    return (
      <Card size="small" title={name} style={{ marginTop: 12 }} data-disease={dz}>
        <Row gutter={[12, 12]}>
          <Col xs={24} sm={12} lg={6}>
            <KpiCard
              label={t('managed')}
              definition={def('managed')}
              r={x.management}
              onNum={f('managed', 'numerator', t('managed'))}
              denNote={t('estimated')}
              testId={`${dz}-managed`}
            />
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <KpiCard
              label={t('standard')}
              definition={d.caliberLabel}
              r={x.standard}
              onNum={f('standard', 'numerator', t('standard'))}
              onDen={f('standard', 'denominator', t('standard'))}
              testId={`${dz}-standard`}
            />
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <KpiCard
              label={t('controlled')}
              definition={def('controlled')}
              r={x.controlled}
              onNum={f('controlled', 'numerator', t('controlled'))}
              onDen={f('controlled', 'denominator', t('controlled'))}
              testId={`${dz}-controlled`}
            />
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <Card
              size="small"
              title={<Tooltip title={def('simple')}>{t('simpleView')}</Tooltip>}
              style={{ background: '#fafafa' }}
            >
              <div>
                {t('simpleControlled')}：<b>{rate(x.simpleControlled)}</b>
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                <Num
                  n={x.simpleControlled.numerator}
                  onOpen={f('simple_controlled', 'numerator', t('simpleControlled'))}
                />{' '}
                /{' '}
                <Num
                  n={x.simpleControlled.denominator}
                  onOpen={f('simple_controlled', 'denominator', t('simpleControlled'))}
                />
              </Typography.Text>
              <div style={{ marginTop: 4 }}>
                {t('simpleLost')}：<b>{rate(x.simpleLost)}</b>
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                <Num n={x.simpleLost.numerator} onOpen={f('simple_lost', 'numerator', t('simpleLost'))} /> /{' '}
                <Num n={x.simpleLost.denominator} onOpen={f('simple_lost', 'denominator', t('simpleLost'))} />
              </Typography.Text>
            </Card>
          </Col>
        </Row>
      </Card>
    );
  };
  return (
    <>
      <Row gutter={[12, 12]}>
        {POPULATIONS.map((p) => (
          <Col key={p} xs={12} sm={8} lg={4}>
            <KpiCard
              label={p === 'all' ? t('signed') : t(POP_LABEL[p])}
              badge={p === 'all' ? undefined : t('signed')}
              definition={def('signed')}
              r={c.signed[p] ?? { numerator: 0, denominator: 0, rate: null }}
              testId={`signed-${p}`}
              onNum={
                p === 'all'
                  ? open({ figure: 'signed', disease: 'htn', part: 'numerator', orgId }, t('signed'))
                  : undefined
              }
              onDen={
                p === 'all'
                  ? open({ figure: 'signed', disease: 'htn', part: 'denominator', orgId }, t('signed'))
                  : undefined
              }
            />
          </Col>
        ))}
        <Col xs={12} sm={8} lg={6}>
          <KpiCard
            label={t('renewed')}
            definition={def('renewed')}
            r={c.renewed}
            testId="renewed"
            onNum={open({ figure: 'renewed', disease: 'htn', part: 'numerator', orgId }, t('renewed'))}
            onDen={open({ figure: 'renewed', disease: 'htn', part: 'denominator', orgId }, t('renewed'))}
          />
        </Col>
        <Col xs={12} sm={8} lg={6}>
          <KpiCard
            label={t('fulfilment')}
            definition={`${def('fulfilment')}；${d.fulfilmentState}`}
            r={c.fulfilment}
            testId="fulfilment"
            extra={t('fulfilmentMean', { v: c.fulfilmentMean === null ? '—' : `${c.fulfilmentMean}%` })}
            onNum={open({ figure: 'fulfilment', disease: 'htn', part: 'numerator', orgId }, t('fulfilment'))}
          />
        </Col>
      </Row>
      {disease('htn')}
      {disease('t2dm')}
    </>
  );
}

function barSigned(d: Dashboard, t: T): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 12, top: 16, bottom: 64 },
    xAxis: { type: 'category', data: d.items.map((i) => i.name), axisLabel: { rotate: 30, fontSize: 11 } },
    yAxis: { type: 'value', max: 100 },
    series: [{ name: t('signed'), type: 'bar', data: d.items.map((i) => i.signed.all?.rate ?? 0) }],
  };
}
function barControl(d: Dashboard, t: T): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 12, top: 30, bottom: 64 },
    xAxis: { type: 'category', data: d.items.map((i) => i.name), axisLabel: { rotate: 30, fontSize: 11 } },
    yAxis: { type: 'value', max: 100 },
    series: [
      { name: t('htn'), type: 'bar', data: d.items.map((i) => i.htn.controlled.rate ?? 0) },
      { name: t('t2dm'), type: 'bar', data: d.items.map((i) => i.t2dm.controlled.rate ?? 0) },
    ],
  };
}

function AreaTable({ d, t, open, level, mobile }: { d: Dashboard; t: T; open: Opener; level: Level; mobile: boolean }) {
  // a grid has no org of its own: its lists are not asked for by grid
  const orgOf = (r: AreaRow) => (r.key.startsWith('org:') ? r.id : r.key.startsWith('county:') ? undefined : null);
  const cellOf = (
    r: AreaRow,
    ratioOf: (c: Cells) => Ratio,
    figure: Figure | null,
    dz: Disease,
    label: string,
    noDen = false,
  ) => {
    const x = ratioOf(r);
    const o = orgOf(r);
    const opener = (part: 'numerator' | 'denominator') =>
      figure && o !== null && !(noDen && part === 'denominator')
        ? open({ figure, disease: dz, part, orgId: o }, `${r.name} · ${label}`)
        : undefined;
    return (
      <span style={{ whiteSpace: 'nowrap' }}>
        <b>{rate(x)}</b>{' '}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          <Num n={x.numerator} onOpen={opener('numerator')} />/<Num n={x.denominator} onOpen={opener('denominator')} />
        </Typography.Text>
      </span>
    );
  };
  const cols: Array<{ key: string; title: string; render: (r: AreaRow) => ReactNode }> = [
    {
      key: 'signed',
      title: t('signed'),
      render: (r) =>
        cellOf(r, (c) => c.signed.all ?? { numerator: 0, denominator: 0, rate: null }, 'signed', 'htn', t('signed')),
    },
    { key: 'renewed', title: t('renewed'), render: (r) => cellOf(r, (c) => c.renewed, 'renewed', 'htn', t('renewed')) },
    {
      key: 'ful',
      title: t('fulfilment'),
      render: (r) => cellOf(r, (c) => c.fulfilment, 'fulfilment', 'htn', t('fulfilment'), true),
    },
    ...(['htn', 't2dm'] as const).flatMap((dz) => [
      {
        key: `${dz}-m`,
        title: `${t(dz)}${t('managed')}`,
        render: (r: AreaRow) => cellOf(r, (c) => c[dz].management, 'managed', dz, t('managed'), true),
      },
      {
        key: `${dz}-s`,
        title: `${t(dz)}${t('standard')}`,
        render: (r: AreaRow) => cellOf(r, (c) => c[dz].standard, 'standard', dz, t('standard')),
      },
      {
        key: `${dz}-c`,
        title: `${t(dz)}${t('controlled')}`,
        render: (r: AreaRow) => cellOf(r, (c) => c[dz].controlled, 'controlled', dz, t('controlled')),
      },
      {
        key: `${dz}-sc`,
        title: `${t(dz)}${t('simpleControlled')}`,
        render: (r: AreaRow) =>
          cellOf(r, (c) => c[dz].simpleControlled, 'simple_controlled', dz, t('simpleControlled')),
      },
      {
        key: `${dz}-sl`,
        title: `${t(dz)}${t('simpleLost')}`,
        render: (r: AreaRow) => cellOf(r, (c) => c[dz].simpleLost, 'simple_lost', dz, t('simpleLost')),
      },
    ]),
  ];
  if (mobile)
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        {d.items.length === 0 ? <Typography.Text type="secondary">{t('noData')}</Typography.Text> : null}
        {d.items.map((r) => (
          <Card key={r.key} size="small" title={r.name} data-area={r.name}>
            {cols.map((c) => (
              <div key={c.key} style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                <Typography.Text type="secondary">{c.title}</Typography.Text>
                {c.render(r)}
              </div>
            ))}
          </Card>
        ))}
      </Space>
    );
  return (
    <Table<AreaRow>
      size="small"
      rowKey="key"
      dataSource={d.items}
      pagination={false}
      scroll={{ x: 1900 }}
      locale={{ emptyText: t('noData') }}
      columns={[
        { title: t(level), dataIndex: 'name', fixed: 'left', width: 140 },
        ...cols.map((c) => ({ key: c.key, title: c.title, render: (_: unknown, r: AreaRow) => c.render(r) })),
      ]}
    />
  );
}

const RECORDS = '/api/chronic/figures/records';

function Records({
  cell,
  year,
  caliber,
  onClose,
}: {
  cell: Cell | null;
  year: number;
  caliber: Caliber;
  onClose: () => void;
}) {
  const t = useT(chronicFiguresMessages);
  const mobile = useIsMobile();
  const list = useListParams({});
  const { setPaging } = list;
  const filter = cell
    ? { figure: cell.figure, disease: cell.disease, part: cell.part, year, caliber, orgId: cell.orgId }
    : null;
  const key = JSON.stringify(filter);
  const shownKey = useRef(key);
  useEffect(() => {
    if (shownKey.current === key) return;
    shownKey.current = key;
    setPaging({ page: 1 });
  }, [key, setPaging]);
  const query = { ...filter, page: list.params.page, pageSize: list.params.pageSize };
  const rows = useListQuery(['chronic-figure-records'], RECORDS, recordPage, query, { enabled: cell !== null });
  return (
    <Drawer
      open={cell !== null}
      onClose={onClose}
      size={mobile ? '100%' : 860}
      title={cell ? t('records', { name: cell.title, part: t(cell.part) }) : ''}
      destroyOnHidden
    >
      <DataList<RecordRow>
        size="small"
        rowKey={(r) => `${r.residentId}-${r.detail ?? ''}`}
        data={rows.data}
        loading={rows.isFetching && !rows.data}
        error={rows.isError ? rows.error : undefined}
        onRetry={() => void rows.refetch()}
        params={list.params}
        onPaging={list.setPaging}
        exportTo={filter ? { url: `${RECORDS}/export`, query: filter } : null}
        rowProps={(r) => ({ 'data-record': r.name })}
        columns={[
          { key: 'name', title: t('resident'), width: 90, mobile: 'title', render: (r) => r.name },
          { key: 'id', title: t('idNumber'), width: 180, mobile: 'extra', render: (r) => r.idNumber },
          { key: 'org', title: t('org'), width: 150, render: (r) => r.orgName },
          { key: 'detail', title: t('detail'), render: (r) => r.detail ?? '' },
        ]}
      />
    </Drawer>
  );
}

function QualityTab({ year, setYear }: { year: number; setYear: (y: number) => void }) {
  const t = useT(chronicFiguresMessages);
  const mobile = useIsMobile();
  const q = useQuery({
    queryKey: ['chronic-quality', year],
    queryFn: () => apiGet('/api/chronic/data-quality', dataQuality, { year }),
  });
  const items = q.data?.items ?? [];
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <YearSelect year={year} setYear={setYear} />
      </Space>
      {q.isError ? <ErrorAlert error={q.error} onRetry={() => void q.refetch()} /> : null}
      {q.data ? (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`${t('rule')}：${q.data.rule}`} />
      ) : null}
      {mobile ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {items.map((r) => (
            <Card
              key={r.staffId}
              size="small"
              title={r.name}
              extra={r.flagged ? <Tag color="red">{t('flagged')}</Tag> : null}
              style={r.flagged ? { borderColor: '#ff4d4f', background: '#fff1f0' } : undefined}
            >
              <div>{r.orgName}</div>
              <div>
                {t('readings')} {r.readings} · {t('endingZero')} {rate(r.endingZero)} · {t('at139')} {rate(r.at139_89)}
              </div>
            </Card>
          ))}
        </Space>
      ) : (
        <Table
          size="small"
          rowKey="staffId"
          dataSource={items}
          pagination={false}
          locale={{ emptyText: t('noData') }}
          onRow={(r) => ({ style: r.flagged ? { background: '#fff1f0', color: '#cf1322' } : undefined })}
          columns={[
            { title: t('doctor'), dataIndex: 'name' },
            { title: t('village'), dataIndex: 'orgName' },
            { title: t('readings'), dataIndex: 'readings', align: 'right' },
            { title: t('endingZero'), align: 'right', render: (_, r) => rate(r.endingZero) },
            { title: t('at139'), align: 'right', render: (_, r) => rate(r.at139_89) },
            { title: '', render: (_, r) => (r.flagged ? <Tag color="red">{t('flagged')}</Tag> : null) },
          ]}
        />
      )}
    </>
  );
}

type Edit = Record<number, Partial<Pick<BaseDataRow, 'pop35Plus' | 'htnPrevalencePct' | 't2dmPrevalencePct'>>>;

function BaseTab({ year, setYear }: { year: number; setYear: (y: number) => void }) {
  const t = useT(chronicFiguresMessages);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['chronic-base', year],
    queryFn: () => apiGet('/api/chronic/base-data', baseData, { year }),
  });
  const [edit, setEdit] = useState<Edit>({});
  useEffect(() => setEdit({}), [year]);
  const rows = useMemo(() => (q.data?.items ?? []).map((r) => ({ ...r, ...edit[r.orgId] })), [q.data, edit]);
  const set = (orgId: number, patch: Edit[number]) => setEdit((e) => ({ ...e, [orgId]: { ...e[orgId], ...patch } }));
  const save = useMutation({
    mutationFn: () =>
      apiSend(
        'PUT',
        '/api/chronic/base-data',
        {
          year,
          rows: rows
            .filter((r) => r.pop35Plus !== null && r.htnPrevalencePct !== null && r.t2dmPrevalencePct !== null)
            .map((r) => ({
              orgId: r.orgId,
              pop35Plus: r.pop35Plus,
              htnPrevalencePct: r.htnPrevalencePct,
              t2dmPrevalencePct: r.t2dmPrevalencePct,
            })),
        },
        baseData,
      ),
    onSuccess: (d) => {
      qc.setQueryData(['chronic-base', year], d);
      void qc.invalidateQueries({ queryKey: ['chronic-figures'] });
      setEdit({});
      void message.success(t('saved'));
    },
  });
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <YearSelect year={year} setYear={setYear} />
        <Button
          onClick={() => {
            for (const r of rows) if (r.pop35Plus === null) set(r.orgId, { pop35Plus: r.indexed35Plus });
          }}
        >
          {t('useIndex')}
        </Button>
        <Button type="primary" loading={save.isPending} onClick={() => save.mutate()}>
          {t('save')}
        </Button>
      </Space>
      {q.isError ? <ErrorAlert error={q.error} onRetry={() => void q.refetch()} /> : null}
      {save.isError ? <ErrorAlert error={save.error} /> : null}
      <Table
        size="small"
        rowKey="orgId"
        dataSource={rows}
        pagination={false}
        scroll={{ x: 640 }}
        columns={[
          { title: t('village'), dataIndex: 'name', fixed: 'left', width: 140 },
          {
            title: t('pop35'),
            width: 180,
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                <InputNumber
                  aria-label={`${r.name} ${t('pop35')}`}
                  min={0}
                  max={5_000_000}
                  value={r.pop35Plus}
                  onChange={(v) => set(r.orgId, { pop35Plus: v })}
                />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('indexHint', { n: r.indexed35Plus })}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t('htnPrev'),
            width: 150,
            render: (_, r) => (
              <InputNumber
                aria-label={`${r.name} ${t('htnPrev')}`}
                min={0}
                max={100}
                step={0.1}
                value={r.htnPrevalencePct}
                onChange={(v) => set(r.orgId, { htnPrevalencePct: v })}
              />
            ),
          },
          {
            title: t('t2dmPrev'),
            width: 150,
            render: (_, r) => (
              <InputNumber
                aria-label={`${r.name} ${t('t2dmPrev')}`}
                min={0}
                max={100}
                step={0.1}
                value={r.t2dmPrevalencePct}
                onChange={(v) => set(r.orgId, { t2dmPrevalencePct: v })}
              />
            ),
          },
        ]}
      />
    </>
  );
}
