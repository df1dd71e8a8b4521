import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ErrorAlert, errorMessage } from '../../web/error-alert.tsx';
import { applyServerError } from '../../web/form-errors.ts';
import { formatDateTime } from '../../web/format.ts';
import { useT, type Translate } from '../../web/i18n.ts';
import { Chart, type ChartOption } from '../../web/kit/chart.tsx';
import { DataList } from '../../web/kit/data-list.tsx';
import { useListParams } from '../../web/kit/list-params.ts';
import {
  ROAD_CLASSES,
  useCloseRoad,
  useReopenRoad,
  useRoadMap,
  useRoads,
  useRoadSpeed,
  type Road,
  type RoadClassCode,
  type RoadMap,
} from './fleet-admin.api.ts';
import { fleetMessages } from './fleet-admin.i18n.ts';

type Closed = 'now' | 'planned' | 'open';
type FleetT = Translate<typeof fleetMessages>;
const STATE_COLOR = { open: 'green', closed: 'red', planned: 'orange' } as const;
const classWord = (t: FleetT, c: string) =>
  (ROAD_CLASSES as readonly string[]).includes(c) ? t(`class.${c as RoadClassCode}`) : c;
const roadName = (r: Road) => `${r.fromName} — ${r.toName}`;

/** 路网: the road edges with their class, length and speed; close one for a period, reopen, change speed. */
export function FleetRoads() {
  const t = useT(fleetMessages);
  const { message } = App.useApp();
  const list = useListParams<{ roadClass: RoadClassCode | undefined; closed: Closed | undefined }>({
    roadClass: undefined,
    closed: undefined,
  });
  const { params } = list;
  const roads = useRoads(params);
  const reopen = useReopenRoad();
  const [closing, setClosing] = useState<Road | null>(null);
  const [speeding, setSpeeding] = useState<Road | null>(null);
  const [showMap, setShowMap] = useState(false);

  const doReopen = async (r: Road) => {
    try {
      await reopen.mutateAsync(r.id);
      void message.success(t('saved'));
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  return (
    <>
      {showMap ? <RoadMapCard /> : null}
      <DataList<Road>
        rowKey={(r) => r.id}
        data={roads.data}
        loading={roads.isFetching && !roads.data}
        error={roads.isError ? roads.error : undefined}
        onRetry={() => void roads.refetch()}
        params={params}
        onPaging={list.setPaging}
        search={{ placeholder: t('roadSearch'), onSearch: (q) => list.setFilter({ q }), width: 160 }}
        filters={
          <Space wrap>
            <Select
              style={{ width: 120 }}
              aria-label={t('roadClass')}
              value={params.roadClass ?? ''}
              onChange={(v: RoadClassCode | '') => list.setFilter({ roadClass: v || undefined })}
              options={[
                { value: '', label: t('allClasses') },
                ...ROAD_CLASSES.map((c) => ({ value: c, label: classWord(t, c) })),
              ]}
            />
            <Select
              style={{ width: 120 }}
              aria-label={t('roadState')}
              value={params.closed ?? ''}
              onChange={(v: Closed | '') => list.setFilter({ closed: v || undefined })}
              options={[
                { value: '', label: t('allStates') },
                { value: 'now', label: t('state.closed') },
                { value: 'planned', label: t('state.planned') },
                { value: 'open', label: t('state.open') },
              ]}
            />
            <Button onClick={() => setShowMap((s) => !s)}>{showMap ? t('hideMap') : t('showMap')}</Button>
          </Space>
        }
        summary={
          roads.data && roads.data.closedNow > 0 ? (
            <Typography.Text type="danger">{t('closedNow', { n: roads.data.closedNow })}</Typography.Text>
          ) : null
        }
        exportTo={{ url: '/api/ems/roads/export', query: params }}
        rowProps={(r) => ({ 'data-road-id': r.id })}
        scrollX={1000}
        columns={[
          { key: 'road', title: t('fromTo'), width: 220, mobile: 'title', render: roadName },
          {
            key: 'state',
            title: t('roadState'),
            width: 100,
            mobile: 'extra',
            render: (r) => <Tag color={STATE_COLOR[r.state]}>{t(`state.${r.state}`)}</Tag>,
          },
          { key: 'id', title: t('roadNo'), width: 80, render: (r) => `#${r.id}` },
          { key: 'class', title: t('roadClass'), width: 100, render: (r) => classWord(t, r.roadClass) },
          {
            key: 'length',
            title: t('length'),
            width: 90,
            align: 'right',
            render: (r) => t('lengthKm', { n: (r.lengthM / 1000).toFixed(1) }),
          },
          {
            key: 'speed',
            title: t('speed'),
            width: 110,
            align: 'right',
            render: (r) => t('speedKmh', { n: r.speedKmh }),
          },
          {
            key: 'closure',
            title: t('closure'),
            render: (r) =>
              r.closedFrom
                ? t('closureText', {
                    from: formatDateTime(r.closedFrom),
                    until: r.closedUntil ? formatDateTime(r.closedUntil) : t('untilFurther'),
                    reason: r.closedReason ?? '',
                  })
                : '—',
          },
          {
            key: 'actions',
            title: t('actions'),
            width: 170,
            render: (r) => (
              <Space size={4} wrap>
                {r.state === 'open' ? (
                  <Button size="small" danger onClick={() => setClosing(r)}>
                    {t('close')}
                  </Button>
                ) : (
                  <Popconfirm title={t('reopenConfirm', { name: roadName(r) })} onConfirm={() => void doReopen(r)}>
                    <Button size="small">{t('reopen')}</Button>
                  </Popconfirm>
                )}
                <Button size="small" onClick={() => setSpeeding(r)}>
                  {t('changeSpeed')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {closing ? <CloseModal road={closing} onClose={() => setClosing(null)} /> : null}
      {speeding ? <SpeedModal road={speeding} onClose={() => setSpeeding(null)} /> : null}
    </>
  );
}

function CloseModal({ road, onClose }: { road: Road; onClose: () => void }) {
  const t = useT(fleetMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ from?: Dayjs | null; until?: Dayjs | null; reason: string }>();
  const close = useCloseRoad();
  const [error, setError] = useState<unknown>(null);
  return (
    <Modal
      open
      onCancel={onClose}
      title={t('closeRoad', { name: roadName(road) })}
      okText={t('close')}
      okButtonProps={{ danger: true }}
      cancelText={t('cancel')}
      confirmLoading={close.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => {
          setError(null);
          close
            .mutateAsync({
              id: road.id,
              from: v.from?.toISOString(),
              until: v.until?.toISOString(),
              reason: v.reason.trim(),
            })
            .then(() => {
              void message.success(t('saved'));
              onClose();
            })
            .catch((err: unknown) => {
              if (!applyServerError(form, err, ['from', 'until', 'reason'])) setError(err);
            });
        }}
      >
        <Form.Item name="reason" label={t('reason')} rules={[{ required: true, min: 2, max: 100 }]}>
          <Input maxLength={100} placeholder={t('reasonPlaceholder')} />
        </Form.Item>
        <Form.Item name="from" label={t('closeFrom')} extra={t('closeFromHint')}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="until" label={t('closeUntil')} extra={t('closeUntilHint')}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function SpeedModal({ road, onClose }: { road: Road; onClose: () => void }) {
  const t = useT(fleetMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ speedKmh: number }>();
  const speed = useRoadSpeed();
  const [error, setError] = useState<unknown>(null);
  return (
    <Modal
      open
      onCancel={onClose}
      title={t('speedTitle', { name: roadName(road) })}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={speed.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ speedKmh: road.speedKmh }}
        onFinish={(v) => {
          setError(null);
          speed
            .mutateAsync({ id: road.id, speedKmh: v.speedKmh })
            .then(() => {
              void message.success(t('saved'));
              onClose();
            })
            .catch((err: unknown) => {
              if (!applyServerError(form, err, ['speedKmh'])) setError(err);
            });
        }}
      >
        <Form.Item name="speedKmh" label={t('speed')} rules={[{ required: true, type: 'integer', min: 5, max: 120 }]}>
          <InputNumber min={5} max={120} precision={0} suffix="km/h" style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** the map's height for the box's width, and the axis ranges that keep one km the same length both ways */
function frame(map: RoadMap, width: number) {
  const lngs = map.edges.flatMap((e) => e.coords.map((c) => c[0]));
  const lats = map.edges.flatMap((e) => e.coords.map((c) => c[1]));
  let [x0, x1, y0, y1] = [Math.min(...lngs), Math.max(...lngs), Math.min(...lats), Math.max(...lats)];
  const squeeze = Math.cos((((y0 + y1) / 2) * Math.PI) / 180);
  const geo = ((x1 - x0) * squeeze) / Math.max(y1 - y0, 1e-6);
  const height = Math.round(Math.min(420, Math.max(220, width / Math.max(geo, 0.2))));
  const box = width / (height - GRID_Y);
  // widen the shorter way so the county keeps its shape
  if (box > geo) {
    const half = ((y1 - y0) * box) / squeeze / 2;
    const mid = (x0 + x1) / 2;
    [x0, x1] = [mid - half, mid + half];
  } else {
    const half = ((x1 - x0) * squeeze) / box / 2;
    const mid = (y0 + y1) / 2;
    [y0, y1] = [mid - half, mid + half];
  }
  return { height, x: [x0, x1] as const, y: [y0, y1] as const };
}
const GRID_Y = 32;

/** every edge as a segment on a longitude/latitude grid; closed ones red on top */
function mapOption(map: RoadMap, t: FleetT, f: ReturnType<typeof frame>): ChartOption {
  const segments = (closed: boolean) =>
    map.edges.filter((e) => e.closed === closed).flatMap((e): Array<[number, number] | null> => [...e.coords, null]);
  const axis = ([min, max]: readonly [number, number]) => ({ type: 'value' as const, min, max, show: false });
  const line = (name: string, closed: boolean, color: string, width: number) => ({
    type: 'line' as const,
    name,
    data: segments(closed).map((p) => p ?? '-'),
    connectNulls: false,
    showSymbol: false,
    silent: true,
    animation: false,
    lineStyle: { color, width },
    itemStyle: { color },
  });
  return {
    grid: { left: 0, right: 0, top: GRID_Y - 4, bottom: 4 },
    legend: { top: 0 },
    xAxis: axis(f.x),
    yAxis: axis(f.y),
    series: [line(t('mapOpen'), false, '#bfbfbf', 1), line(t('mapClosed'), true, '#f5222d', 3)],
  };
}

function RoadMapCard() {
  const t = useT(fleetMessages);
  const map = useRoadMap(true);
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = box.current;
    if (!el) return undefined;
    const observer = new ResizeObserver(() => setWidth(Math.round(el.clientWidth / 40) * 40));
    observer.observe(el);
    setWidth(Math.round(el.clientWidth / 40) * 40);
    return () => observer.disconnect();
  }, []);
  const drawn = useMemo(() => {
    if (!map.data || width === 0 || map.data.edges.length === 0) return null;
    const f = frame(map.data, width);
    return { height: f.height, option: mapOption(map.data, t, f) };
  }, [map.data, t, width]);
  return (
    <Card size="small" title={t('mapTitle')} style={{ marginBottom: 12 }}>
      {map.isError ? <ErrorAlert error={map.error} onRetry={() => void map.refetch()} /> : null}
      <div ref={box}>{drawn ? <Chart option={drawn.option} height={drawn.height} label={t('mapTitle')} /> : null}</div>
    </Card>
  );
}
