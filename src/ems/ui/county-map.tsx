import { Skeleton } from 'antd';
import type { EffectScatterSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption, EChartsType } from 'echarts/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Org } from '../../orgs/orgs.schema.ts';
import { useT } from '../../web/i18n.ts';
import type { Call, Vehicle } from './ems.api.ts';
import { emsMessages } from './ems.i18n.ts';
import { VEHICLE_COLOR, word } from './ems-labels.ts';

type MapOption = ComposeOption<
  ScatterSeriesOption | EffectScatterSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

type Module = typeof import('./map-echarts.ts');
let loading: Promise<Module> | null = null;
const load = () => (loading ??= import('./map-echarts.ts'));

/** what a point on the map stands for: the click handler reads it back */
type PointRef = { type: 'org'; org: Org } | { type: 'call'; id: number } | { type: 'vehicle'; id: number } | null;
type Datum = { value: [number, number]; name: string; ref: PointRef; itemStyle?: { color: string } };

const BUSY = new Set(['dispatched', 'en_route', 'on_scene', 'to_hospital', 'at_hospital', 'returning']);
const PIN = 'pin';

export interface CountyMapProps {
  orgs: readonly Org[];
  vehicles: readonly Vehicle[];
  calls: readonly Call[];
  selectedCallId: number | null;
  /** the new call's position while the form is open */
  picked: { lat: number; lng: number } | null;
  /** a click on empty ground (the form takes it as the call's position); null while no form is open */
  onPick: ((pos: { lat: number; lng: number }) => void) | null;
  /** a click on a village or township */
  onPickOrg: ((org: Org) => void) | null;
  onSelectCall: (id: number) => void;
  height?: number;
}

/**
 * The county drawn from its own coordinates: villages, townships and hospitals as points on a
 * longitude/latitude grid (no map tiles: the dispatch room may have no internet), vehicles in
 * their status colour, open calls as red pins. Clicking the ground sets the new call's place.
 */
export function CountyMap(props: CountyMapProps) {
  const t = useT(emsMessages);
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const [ready, setReady] = useState(false);
  // the handlers are bound once; they read the latest props through this ref
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });

  useEffect(() => {
    let live = true;
    let observer: ResizeObserver | null = null;
    void load().then(({ echarts }) => {
      if (!live || !box.current) return;
      const c = echarts.init(box.current, undefined, { renderer: 'canvas' });
      chart.current = c;
      c.on('click', (params) => {
        const ref = (params.data as Datum | undefined)?.ref;
        if (!ref) return;
        if (ref.type === 'call') latest.current.onSelectCall(ref.id);
        if (ref.type === 'org') latest.current.onPickOrg?.(ref.org);
      });
      c.getZr().on('click', (e) => {
        if (e.target) return; // a point: handled above
        const pick = latest.current.onPick;
        if (!pick) return;
        const px = [e.offsetX, e.offsetY];
        if (!c.containPixel('grid', px)) return;
        const [lng, lat] = c.convertFromPixel('grid', px);
        pick({ lat: Math.round(lat * 1e5) / 1e5, lng: Math.round(lng * 1e5) / 1e5 });
      });
      observer = new ResizeObserver(() => c.resize());
      observer.observe(box.current);
      setReady(true);
    });
    return () => {
      live = false;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  const { orgs, vehicles, calls, selectedCallId, picked } = props;
  const picking = props.onPick !== null;
  const option = useMemo<MapOption>(() => {
    // the county's own network: partner hospitals in the city or the capital would shrink the county to a dot
    const located = orgs.filter((o) => o.lat !== null && o.lng !== null && o.active && o.kind !== 'partner_hospital');
    const at = (o: Org): [number, number] => [o.lng ?? 0, o.lat ?? 0];
    const orgPoints = (kinds: readonly string[]): Datum[] =>
      located
        .filter((o) => kinds.includes(o.kind))
        .map((o) => ({ value: at(o), name: o.name, ref: { type: 'org', org: o } }));
    // where the vehicle is: its crew phone's fix while fresh, otherwise its station
    const vehicleAt = (v: Vehicle): [number, number] =>
      v.pos?.fresh ? [v.pos.lng, v.pos.lat] : [v.lng ?? 0, v.lat ?? 0];
    const vehiclePoints = (pred: (v: Vehicle) => boolean): Datum[] =>
      vehicles
        .filter((v) => ((v.lat != null && v.lng != null) || v.pos?.fresh) && pred(v))
        .map((v) => ({
          value: vehicleAt(v),
          name: `${v.callSign} ${word(t, 'vehicle', v.status)}${v.pos?.fresh ? ` · ${t('fromGps')}` : ''}`,
          ref: { type: 'vehicle', id: v.id },
          itemStyle: { color: VEHICLE_COLOR[v.status] ?? '#8c8c8c' },
        }));
    const callPoints: Datum[] = calls
      .filter((c) => c.lat !== null && c.lng !== null)
      .map((c) => ({
        value: [c.lng ?? 0, c.lat ?? 0],
        name: `#${c.id} ${c.complaintName} ${c.villageName ?? c.address}`,
        ref: { type: 'call', id: c.id },
        itemStyle: { color: c.id === selectedCallId ? '#a8071a' : '#f5222d' },
      }));
    const label = (show: boolean, color = '#595959') => ({
      show,
      formatter: '{b}',
      position: 'right' as const,
      fontSize: 11,
      color,
    });
    return {
      animation: false,
      grid: { left: 8, right: 8, top: 36, bottom: 8 },
      tooltip: { trigger: 'item', formatter: (p: unknown) => (p as { name: string }).name },
      legend: { top: 4, left: 'center', itemWidth: 12, itemHeight: 12, textStyle: { fontSize: 12 } },
      xAxis: { type: 'value', scale: true, axisLabel: { show: false }, splitLine: { lineStyle: { color: '#f0f0f0' } } },
      yAxis: { type: 'value', scale: true, axisLabel: { show: false }, splitLine: { lineStyle: { color: '#f0f0f0' } } },
      series: [
        {
          name: t('map.village'),
          type: 'scatter',
          symbolSize: 5,
          itemStyle: { color: '#bfbfbf' },
          data: orgPoints(['village_clinic']),
          cursor: picking ? 'crosshair' : 'default',
        },
        {
          name: t('map.township'),
          type: 'scatter',
          symbol: 'diamond',
          symbolSize: 11,
          itemStyle: { color: '#597ef7' },
          label: label(true),
          data: orgPoints(['township_center', 'community_center']),
        },
        {
          name: t('map.hospital'),
          type: 'scatter',
          symbol: 'roundRect',
          symbolSize: 14,
          itemStyle: { color: '#389e0d' },
          label: label(true, '#237804'),
          data: orgPoints(['county_hospital']),
        },
        {
          name: t('map.vehicleFree'),
          type: 'scatter',
          symbol: 'triangle',
          symbolSize: 13,
          itemStyle: { color: VEHICLE_COLOR.available },
          data: vehiclePoints((v) => v.status === 'available'),
        },
        {
          name: t('map.vehicleBusy'),
          type: 'scatter',
          symbol: 'triangle',
          symbolSize: 15,
          itemStyle: { color: VEHICLE_COLOR.en_route },
          label: {
            show: true,
            formatter: (p: unknown) => (p as { name: string }).name.split(' ')[0],
            position: 'top',
            fontSize: 11,
          },
          data: vehiclePoints((v) => BUSY.has(v.status)),
          z: 4,
        },
        {
          name: t('map.vehicleOff'),
          type: 'scatter',
          symbol: 'triangle',
          symbolSize: 11,
          itemStyle: { color: VEHICLE_COLOR.out_of_service },
          data: vehiclePoints((v) => v.status === 'out_of_service'),
        },
        {
          name: t('map.call'),
          type: 'effectScatter',
          symbol: PIN,
          symbolSize: 26,
          symbolOffset: [0, '-50%'],
          rippleEffect: { scale: 2.2, brushType: 'stroke' },
          itemStyle: { color: '#f5222d' },
          data: callPoints,
          z: 5,
        },
        {
          name: t('map.picked'),
          type: 'scatter',
          symbol: PIN,
          symbolSize: 30,
          symbolOffset: [0, '-50%'],
          itemStyle: { color: '#faad14' },
          data: picked ? [{ value: [picked.lng, picked.lat], name: t('map.picked'), ref: null }] : [],
          z: 6,
        },
      ],
    };
  }, [orgs, vehicles, calls, selectedCallId, picked, picking, t]);

  useEffect(() => {
    if (ready) chart.current?.setOption(option, { notMerge: true });
  }, [ready, option]);

  const height = props.height ?? 420;
  return (
    <div style={{ position: 'relative', height }}>
      <div
        ref={box}
        role="img"
        aria-label={t('map')}
        data-testid="ems-map"
        style={{ width: '100%', height, cursor: picking ? 'crosshair' : undefined }}
      />
      {ready ? null : (
        <div style={{ position: 'absolute', inset: 0 }}>
          <Skeleton active paragraph={{ rows: 6 }} />
        </div>
      )}
    </div>
  );
}
