import { Alert, Button, Segmented, Space, Spin, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useT } from '../../../web/i18n.ts';
import { useWaveform, type WaveformData } from '../studies.api.ts';
import { studiesMessages } from '../studies.i18n.ts';
import {
  caliper,
  hitTest,
  layoutEcg,
  PX_PER_MM,
  PX_PER_MV,
  PX_PER_S,
  xOf,
  type CaliperPoint,
  type EcgLayout,
  type Geometry,
} from './ecg-layout.ts';

/**
 * The ECG on paper (issue 12 §2): leads drawn from the waveform at 25 mm/s and 10 mm/mV on a
 * 1 mm / 5 mm grid, 3×4 with a lead II rhythm strip or stacked, scrolling sideways past the
 * screen; calipers: two clicks on a lead give the interval (ms), its rate (bpm) and the
 * amplitude difference (mV). Test hooks: data-testid="ecg-canvas" (with data-px-per-mm) and
 * data-testid="caliper-readout".
 */

function draw(canvas: HTMLCanvasElement, g: Geometry, wave: WaveformData, points: CaliperPoint[]): void {
  const dpr = window.devicePixelRatio || 1;
  canvas.width = Math.round(g.width * dpr);
  canvas.height = Math.round(g.height * dpr);
  canvas.style.width = `${g.width}px`;
  canvas.style.height = `${g.height}px`;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = '#fffafa';
  ctx.fillRect(0, 0, g.width, g.height);
  // the paper: 1 mm lines light, 5 mm lines darker
  for (let mm = 0; mm * PX_PER_MM <= g.width; mm++) {
    ctx.strokeStyle = mm % 5 === 0 ? '#f0a0a0' : '#fbdcdc';
    ctx.lineWidth = mm % 5 === 0 ? 0.8 : 0.4;
    ctx.beginPath();
    ctx.moveTo(mm * PX_PER_MM + 0.5, 0);
    ctx.lineTo(mm * PX_PER_MM + 0.5, g.height);
    ctx.stroke();
  }
  for (let mm = 0; mm * PX_PER_MM <= g.height; mm++) {
    ctx.strokeStyle = mm % 5 === 0 ? '#f0a0a0' : '#fbdcdc';
    ctx.lineWidth = mm % 5 === 0 ? 0.8 : 0.4;
    ctx.beginPath();
    ctx.moveTo(0, mm * PX_PER_MM + 0.5);
    ctx.lineTo(g.width, mm * PX_PER_MM + 0.5);
    ctx.stroke();
  }
  const rate = wave.sampleRateHz;
  ctx.font = '12px sans-serif';
  for (const cell of g.cells) {
    const samples = wave.leads[cell.index]?.samplesUv ?? [];
    // 1 mV calibration pulse in the left margin of each row's first cell
    if (cell.t0 === 0) {
      const x0 = PX_PER_MM * 2;
      ctx.strokeStyle = '#000';
      ctx.lineWidth = 1.2;
      ctx.beginPath();
      ctx.moveTo(x0, cell.baseline);
      ctx.lineTo(x0 + PX_PER_MM, cell.baseline);
      ctx.lineTo(x0 + PX_PER_MM, cell.baseline - PX_PER_MV);
      ctx.lineTo(x0 + PX_PER_MM * 6, cell.baseline - PX_PER_MV);
      ctx.lineTo(x0 + PX_PER_MM * 6, cell.baseline);
      ctx.lineTo(x0 + PX_PER_MM * 7, cell.baseline);
      ctx.stroke();
    }
    ctx.fillStyle = '#333';
    ctx.fillText(cell.lead, cell.x + 4, cell.y + 14);
    const k0 = Math.floor(cell.t0 * rate);
    const k1 = Math.min(samples.length, Math.ceil((cell.t0 + cell.seconds) * rate));
    ctx.strokeStyle = '#111';
    ctx.lineWidth = 1.1;
    ctx.beginPath();
    for (let k = k0; k < k1; k++) {
      const x = cell.x + (k / rate - cell.t0) * PX_PER_S;
      const y = cell.baseline - (samples[k] / 1000) * PX_PER_MV;
      if (k === k0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    }
    ctx.stroke();
  }
  // calipers
  ctx.strokeStyle = '#1677ff';
  ctx.fillStyle = '#1677ff';
  ctx.lineWidth = 1.5;
  for (const p of points) {
    const x = xOf(p.cell, p.ms);
    ctx.beginPath();
    ctx.moveTo(x, p.cell.y + 2);
    ctx.lineTo(x, p.cell.y + p.cell.height - 2);
    ctx.stroke();
    ctx.beginPath();
    ctx.arc(x, p.cell.baseline - p.mv * PX_PER_MV, 3, 0, Math.PI * 2);
    ctx.fill();
  }
  if (points.length === 2 && points[0].cell === points[1].cell) {
    const [a, b] = points;
    const y = a.cell.y + 20;
    ctx.beginPath();
    ctx.moveTo(xOf(a.cell, a.ms), y);
    ctx.lineTo(xOf(b.cell, b.ms), y);
    ctx.stroke();
  }
}

export function EcgWaveform({ wave }: { wave: WaveformData }) {
  const t = useT(studiesMessages);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [layout, setLayout] = useState<EcgLayout>('grid');
  const [points, setPoints] = useState<CaliperPoint[]>([]);
  const duration =
    wave.sampleRateHz > 0 ? Math.max(0, ...wave.leads.map((l) => l.samplesUv.length)) / wave.sampleRateHz : 0;
  const names = useMemo(() => wave.leads.map((l) => l.name), [wave]);
  const geometry = useMemo(() => layoutEcg(names, duration, layout), [names, duration, layout]);
  const canGrid = wave.leads.length >= 12;

  useEffect(() => {
    if (canvasRef.current) draw(canvasRef.current, geometry, wave, points);
  }, [geometry, wave, points]);
  useEffect(() => setPoints([]), [geometry]);

  const onClick = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const p = hitTest(
      geometry,
      e.clientX - rect.left,
      e.clientY - rect.top,
      (i) => wave.leads[i]?.samplesUv ?? [],
      wave.sampleRateHz,
    );
    if (!p) return;
    setPoints((prev) => (prev.length === 1 ? [prev[0], p] : [p]));
  };

  const reading = points.length === 2 ? caliper(points[0], points[1]) : null;
  const readout = reading
    ? reading.bpm === null
      ? t('caliperNoRate', { ms: reading.ms, mv: reading.mv.toFixed(2) })
      : t('caliperReading', { ms: reading.ms, bpm: reading.bpm, mv: reading.mv.toFixed(2) })
    : points.length === 1
      ? t('caliperFirst', { lead: points[0].cell.lead })
      : t('caliperHint');

  return (
    <div>
      <Space wrap style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">{t('paperSpeed')}</Typography.Text>
        <Typography.Text type="secondary">
          {t('sampleRate', { hz: wave.sampleRateHz, s: Math.round(duration * 10) / 10 })}
        </Typography.Text>
        {canGrid && (
          <Segmented<EcgLayout>
            size="small"
            value={layout}
            onChange={setLayout}
            options={[
              { value: 'grid', label: t('layoutGrid') },
              { value: 'stack', label: t('layoutStack') },
            ]}
          />
        )}
        <Typography.Text data-testid="caliper-readout" strong={!!reading}>
          {readout}
        </Typography.Text>
        <Button size="small" onClick={() => setPoints([])} disabled={points.length === 0}>
          {t('caliperClear')}
        </Button>
      </Space>
      <div style={{ overflowX: 'auto', overflowY: 'hidden', maxWidth: '100%', border: '1px solid #f0d0d0' }}>
        <canvas
          ref={canvasRef}
          data-testid="ecg-canvas"
          data-px-per-mm={PX_PER_MM}
          data-layout={canGrid ? layout : 'stack'}
          onClick={onClick}
          style={{ display: 'block', cursor: 'crosshair' }}
        />
      </div>
    </div>
  );
}

/** the ECG of one study, fetched from /api/remote/studies/:id/waveform */
export function EcgViewer({ studyId }: { studyId: number }) {
  const t = useT(studiesMessages);
  const q = useWaveform(studyId);
  if (q.isPending) return <Spin description={t('loading')} />;
  if (q.isError) return <Alert type="error" showIcon title={t('loadFailed', { msg: q.error.message })} />;
  if (q.data.leads.length === 0) return <Alert type="info" title={t('noWaveform')} />;
  return <EcgWaveform wave={q.data} />;
}
