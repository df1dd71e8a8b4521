import { Alert, Button, Slider, Space, Spin, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useT } from '../../../web/i18n.ts';
import { dicomFrame, type DicomFrame } from '../../formats/dicom-pixels.ts';
import { fetchStudyBytes, STUDIES_KEY } from '../studies.api.ts';
import { studiesMessages } from '../studies.i18n.ts';

/**
 * A 2-D DICOM viewer (issue 12 §2) on a canvas over dicom-parser's uncompressed pixel data
 * (dwv was not wired in: its Vite build needs more than the time this had): window/level by
 * dragging or presets (脑窗/肺窗/骨窗), zoom (Ctrl+wheel, buttons), pan (right-drag or
 * Shift+drag), series scrolling (wheel and slider). Test hook: data-testid="image-viewer".
 */

const VIEW = 512;
const PRESETS = { brain: { c: 40, w: 80 }, lung: { c: -600, w: 1500 }, bone: { c: 400, w: 1800 } } as const;

interface Frame extends DicomFrame {
  studyId: number;
}

async function loadFrames(studyIds: number[]): Promise<Frame[]> {
  const frames = await Promise.all(
    studyIds.map(async (id) => ({ ...dicomFrame(await fetchStudyBytes(id)), studyId: id })),
  );
  return frames.sort(
    (a, b) => (a.instanceNumber ?? 0) - (b.instanceNumber ?? 0) || (a.sliceLocation ?? 0) - (b.sliceLocation ?? 0),
  );
}

function render(
  canvas: HTMLCanvasElement,
  f: Frame,
  c: number,
  w: number,
  zoom: number,
  pan: { x: number; y: number },
) {
  const off = document.createElement('canvas');
  off.width = f.cols;
  off.height = f.rows;
  const octx = off.getContext('2d');
  const ctx = canvas.getContext('2d');
  if (!octx || !ctx) return;
  const img = octx.createImageData(f.cols, f.rows);
  const lo = c - w / 2;
  for (let i = 0; i < f.values.length; i++) {
    let g = Math.round(((f.values[i] - lo) / w) * 255);
    g = g < 0 ? 0 : g > 255 ? 255 : g;
    if (f.monochrome1) g = 255 - g;
    img.data[i * 4] = g;
    img.data[i * 4 + 1] = g;
    img.data[i * 4 + 2] = g;
    img.data[i * 4 + 3] = 255;
  }
  octx.putImageData(img, 0, 0);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = '#000';
  ctx.fillRect(0, 0, VIEW, VIEW);
  const fit = Math.min(VIEW / f.cols, VIEW / f.rows) * zoom;
  ctx.imageSmoothingEnabled = true;
  ctx.translate(VIEW / 2 + pan.x, VIEW / 2 + pan.y);
  ctx.scale(fit, fit);
  ctx.drawImage(off, -f.cols / 2, -f.rows / 2);
}

export function ImageViewer({ studyIds }: { studyIds: number[] }) {
  const t = useT(studiesMessages);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const q = useQuery({
    queryKey: [...STUDIES_KEY, 'frames', studyIds],
    queryFn: () => loadFrames(studyIds),
    staleTime: Infinity,
  });
  const frames = q.data ?? [];
  const [index, setIndex] = useState(0);
  const [wl, setWl] = useState<{ c: number; w: number } | null>(null);
  const [zoom, setZoom] = useState(1);
  const [pan, setPan] = useState({ x: 0, y: 0 });
  const drag = useRef<{
    x: number;
    y: number;
    mode: 'wl' | 'pan';
    c: number;
    w: number;
    px: number;
    py: number;
  } | null>(null);
  const frame: Frame | undefined = frames[Math.min(index, frames.length - 1)];
  const defaults = useMemo(
    () => ({ c: frame?.windowCenter ?? 40, w: frame?.windowWidth ?? 400 }),
    [frame?.windowCenter, frame?.windowWidth],
  );
  const cur = wl ?? defaults;

  useEffect(() => {
    if (canvasRef.current && frame) render(canvasRef.current, frame, cur.c, Math.max(1, cur.w), zoom, pan);
  }, [frame, cur.c, cur.w, zoom, pan]);

  // the wheel scrolls slices (Ctrl+wheel zooms); a non-passive listener so the page does not scroll
  useEffect(() => {
    const el = canvasRef.current;
    if (!el) return undefined;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      if (e.ctrlKey) setZoom((z) => Math.min(8, Math.max(0.25, z * (e.deltaY < 0 ? 1.1 : 1 / 1.1))));
      else setIndex((i) => Math.min(frames.length - 1, Math.max(0, i + (e.deltaY > 0 ? 1 : -1))));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [frames.length]);

  if (q.isPending) return <Spin />;
  if (q.isError) return <Alert type="warning" showIcon title={t('unsupportedImage')} description={q.error.message} />;
  if (!frame) return null;

  const onDown = (e: React.MouseEvent<HTMLCanvasElement>) => {
    e.preventDefault();
    const mode = e.button === 2 || e.shiftKey ? 'pan' : 'wl';
    drag.current = { x: e.clientX, y: e.clientY, mode, c: cur.c, w: cur.w, px: pan.x, py: pan.y };
  };
  const onMove = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const d = drag.current;
    if (!d) return;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    if (d.mode === 'pan') setPan({ x: d.px + dx, y: d.py + dy });
    else setWl({ c: Math.round(d.c + dy * 2), w: Math.max(1, Math.round(d.w + dx * 4)) });
  };
  const stop = () => {
    drag.current = null;
  };

  return (
    <div data-testid="image-viewer" data-slice={index + 1} data-window={`${cur.w}/${cur.c}`} data-zoom={zoom}>
      <Space wrap style={{ marginBottom: 8 }}>
        <Button size="small" onClick={() => setWl(null)}>
          {t('presetDefault')}
        </Button>
        <Button size="small" onClick={() => setWl(PRESETS.brain)}>
          {t('presetBrain')}
        </Button>
        <Button size="small" onClick={() => setWl(PRESETS.lung)}>
          {t('presetLung')}
        </Button>
        <Button size="small" onClick={() => setWl(PRESETS.bone)}>
          {t('presetBone')}
        </Button>
        <Button size="small" onClick={() => setZoom((z) => Math.min(8, z * 1.25))}>
          {t('zoomIn')}
        </Button>
        <Button size="small" onClick={() => setZoom((z) => Math.max(0.25, z / 1.25))}>
          {t('zoomOut')}
        </Button>
        <Button
          size="small"
          onClick={() => {
            setWl(null);
            setZoom(1);
            setPan({ x: 0, y: 0 });
          }}
        >
          {t('reset')}
        </Button>
      </Space>
      <div style={{ display: 'flex', gap: 12, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <canvas
          ref={canvasRef}
          width={VIEW}
          height={VIEW}
          style={{ background: '#000', maxWidth: '100%', cursor: 'crosshair', touchAction: 'none' }}
          onMouseDown={onDown}
          onMouseMove={onMove}
          onMouseUp={stop}
          onMouseLeave={stop}
          onContextMenu={(e) => e.preventDefault()}
        />
        <Space orientation="vertical" size={4}>
          <Typography.Text>{t('slice', { n: index + 1, total: frames.length })}</Typography.Text>
          <Typography.Text>{t('windowLevel', { w: cur.w, c: cur.c })}</Typography.Text>
          <Typography.Text>{t('zoom', { z: Math.round(zoom * 100) })}</Typography.Text>
          <Typography.Text type="secondary" style={{ maxWidth: 220 }}>
            {t('imageHint')}
          </Typography.Text>
        </Space>
      </div>
      {frames.length > 1 && (
        <Slider
          min={1}
          max={frames.length}
          value={index + 1}
          onChange={(v) => setIndex(v - 1)}
          style={{ maxWidth: VIEW }}
        />
      )}
    </div>
  );
}
