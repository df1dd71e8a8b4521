import { Alert, Button, Segmented, Slider, Space, Spin, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { App, AppOptions, Index, ToolConfig, ViewConfig, WindowLevel, type ViewController } from 'dwv';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../../web/i18n.ts';
import { fetchStudyBytes, STUDIES_KEY } from '../studies.api.ts';
import { studiesMessages } from '../studies.i18n.ts';

/**
 * The body of the image viewer (issue 12 §2) on dwv 0.36 (GPL-3.0, https://github.com/ivmartel/dwv),
 * loaded lazily by image-viewer.tsx so that dwv, konva and jszip stay out of the main bundle.
 * The studies of one series are one dwv data set, so the wheel and the slider move through its
 * slices; dwv decodes uncompressed and compressed pixel data (JPEG baseline/lossless, JPEG 2000,
 * RLE) in its workers (see vite.config.ts for how they are served).
 */

type Tool = 'WindowLevel' | 'ZoomAndPan' | 'Scroll';
export const PRESETS = {
  brain: { c: 40, w: 80 },
  lung: { c: -600, w: 1500 },
  bone: { c: 400, w: 1800 },
} as const;
const ZOOM_STEP = 0.25;

interface State {
  slice: number;
  slices: number;
  w: number | null;
  c: number | null;
  zoom: number;
}

let nextDiv = 0;

async function loadFiles(studyIds: number[]): Promise<File[]> {
  return Promise.all(
    studyIds.map(
      async (id) => new File([(await fetchStudyBytes(id)).slice()], `study-${id}.dcm`, { type: 'application/dicom' }),
    ),
  );
}

const round = (n: number) => Math.round(n * 100) / 100;

export default function DwvView({ studyIds }: { studyIds: number[] }) {
  const t = useT(studiesMessages);
  // dwv names its layers `<div id>-layer-<n>`, so the id itself must not contain "-layer-"
  const [divId] = useState(() => `dwvgroup${++nextDiv}`);
  const appRef = useRef<App | null>(null);
  const dataIdRef = useRef<string | null>(null);
  const initialWl = useRef<{ c: number; w: number } | null>(null);
  const [tool, setToolState] = useState<Tool>('WindowLevel');
  const [state, setState] = useState<State>({ slice: 0, slices: 0, w: null, c: null, zoom: 1 });
  const [loading, setLoading] = useState(true);
  const [failed, setFailed] = useState<string | null>(null);
  const q = useQuery({
    queryKey: [...STUDIES_KEY, 'files', studyIds],
    queryFn: () => loadFiles(studyIds),
    staleTime: Infinity,
  });

  const controller = (): ViewController | undefined => {
    const app = appRef.current;
    const dataId = dataIdRef.current;
    if (!app || dataId === null) return undefined;
    return app.getViewLayersByDataId(dataId)[0]?.getViewController();
  };

  useEffect(() => {
    const files = q.data;
    if (!files) return undefined;
    const app = new App();
    const options = new AppOptions({ '*': [new ViewConfig(divId)] });
    options.tools = { WindowLevel: new ToolConfig(), ZoomAndPan: new ToolConfig(), Scroll: new ToolConfig() };
    // drawn by show() once loaded and visible: dwv cannot fit an image into a hidden (zero-sized) tab
    options.viewOnFirstLoadItem = false;
    app.init(options);
    appRef.current = app;
    setLoading(true);
    setFailed(null);
    let errored = false;

    const read = () => {
      const vc = controller();
      if (!vc) return;
      const dim = vc.getScrollDimIndex();
      const wl = vc.isMonochrome() ? vc.getWindowLevel() : null;
      setState({
        slice: (vc.getCurrentIndex().get(dim) ?? 0) + 1,
        slices: vc.getImageSize().get(dim) ?? 1,
        w: wl ? round(wl.width) : null,
        c: wl ? round(wl.center) : null,
        zoom: round(app.getAddedScale().x),
      });
    };
    const onLoadStart = (e: { dataid: string }) => {
      dataIdRef.current = e.dataid;
    };
    const onError = (e: { error?: unknown }) => {
      errored = true;
      setLoading(false);
      setFailed(e.error instanceof Error ? e.error.message : String(e.error ?? ''));
    };
    const box = document.getElementById(divId);
    const visible = () => !!box && box.clientWidth > 0 && box.clientHeight > 0;
    let loaded = false;
    let shown = false;
    const show = () => {
      const dataId = dataIdRef.current;
      if (errored || !loaded || shown || dataId === null || !visible()) return;
      shown = true;
      try {
        app.render(dataId);
      } catch (e) {
        onError({ error: e });
        return;
      }
      const vc = controller();
      if (!vc) return;
      if (vc.isMonochrome()) {
        const wl = vc.getWindowLevel();
        initialWl.current = { c: wl.center, w: wl.width };
      }
      app.setTool('WindowLevel');
      setLoading(false);
      read();
    };
    const onLoad = () => {
      loaded = true;
      show();
    };
    app.addEventListener('loadstart', onLoadStart);
    app.addEventListener('load', onLoad);
    app.addEventListener('error', onError);
    for (const ev of ['wlchange', 'zoomchange', 'positionchange', 'offsetchange']) app.addEventListener(ev, read);
    // draw when first visible, fit again when the box changes size (window, rotation, a tab shown again)
    const resize = new ResizeObserver(() => {
      if (!shown) show();
      else if (visible() && !errored) app.onResize();
    });
    if (box) resize.observe(box);
    app.loadFiles(files);
    return () => {
      resize.disconnect();
      app.abortAllLoads();
      app.reset();
      appRef.current = null;
      dataIdRef.current = null;
      document.getElementById(divId)?.replaceChildren();
    };
    // controller() reads refs only
  }, [q.data, divId]);

  const setTool = (next: Tool) => {
    setToolState(next);
    appRef.current?.setTool(next);
  };
  const setWl = (wl: { c: number; w: number } | null) => {
    const vc = controller();
    if (vc && wl) vc.setWindowLevel(new WindowLevel(wl.c, wl.w));
  };
  const zoom = (step: number) => {
    const app = appRef.current;
    const vc = controller();
    if (!app || !vc) return;
    const origin = vc.getOrigin();
    const size = vc.getImageWorldSize();
    app.zoom(step, origin.getX() + size.x / 2, origin.getY() + size.y / 2);
  };
  const goToSlice = (n: number) => {
    const vc = controller();
    if (!vc) return;
    const values = vc.getCurrentIndex().getValues();
    values[vc.getScrollDimIndex()] = n - 1;
    vc.setCurrentIndex(new Index(values));
  };
  const reset = () => {
    appRef.current?.resetDisplay();
    setWl(initialWl.current);
  };

  const err = q.error ?? (failed !== null ? new Error(failed) : null);
  const ready = !loading && !err;
  return (
    <div
      data-testid="image-viewer"
      data-slice={state.slice}
      data-slices={state.slices}
      data-window={state.w === null ? '' : `${state.w}/${state.c}`}
      data-zoom={state.zoom}
      data-ready={ready}
    >
      {err && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('decodeFailed')}
          description={err.message}
          style={{ marginBottom: 8 }}
        />
      )}
      <Space wrap size={[4, 4]} style={{ marginBottom: 8 }}>
        <Segmented<Tool>
          size="small"
          value={tool}
          onChange={setTool}
          options={[
            { value: 'WindowLevel', label: t('toolWindow') },
            { value: 'ZoomAndPan', label: t('toolPan') },
            { value: 'Scroll', label: t('toolScroll') },
          ]}
        />
        <Button size="small" disabled={!ready} onClick={() => setWl(initialWl.current)}>
          {t('presetDefault')}
        </Button>
        <Button size="small" disabled={!ready} onClick={() => setWl(PRESETS.brain)}>
          {t('presetBrain')}
        </Button>
        <Button size="small" disabled={!ready} onClick={() => setWl(PRESETS.lung)}>
          {t('presetLung')}
        </Button>
        <Button size="small" disabled={!ready} onClick={() => setWl(PRESETS.bone)}>
          {t('presetBone')}
        </Button>
        <Button size="small" disabled={!ready} onClick={() => zoom(ZOOM_STEP)}>
          {t('zoomIn')}
        </Button>
        <Button size="small" disabled={!ready} onClick={() => zoom(-ZOOM_STEP / (1 + ZOOM_STEP))}>
          {t('zoomOut')}
        </Button>
        <Button size="small" disabled={!ready} onClick={reset}>
          {t('reset')}
        </Button>
      </Space>
      <div style={{ display: 'flex', gap: 12, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <div
          style={{
            position: 'relative',
            width: 'min(512px, 100%)',
            aspectRatio: '1 / 1',
            background: '#000',
            touchAction: 'none',
          }}
        >
          <div id={divId} data-testid="dwv-layers" style={{ width: '100%', height: '100%' }} />
          {loading && !err && (
            <Spin style={{ position: 'absolute', top: '50%', left: '50%', transform: 'translate(-50%, -50%)' }} />
          )}
        </div>
        <Space orientation="vertical" size={4}>
          <Typography.Text>{t('slice', { n: state.slice, total: state.slices })}</Typography.Text>
          {state.w !== null && <Typography.Text>{t('windowLevel', { w: state.w, c: state.c ?? 0 })}</Typography.Text>}
          <Typography.Text>{t('zoom', { z: Math.round(state.zoom * 100) })}</Typography.Text>
          <Typography.Text type="secondary" style={{ maxWidth: 220 }}>
            {t('imageHint')}
          </Typography.Text>
        </Space>
      </div>
      {state.slices > 1 && (
        <Slider
          min={1}
          max={state.slices}
          value={state.slice}
          onChange={goToSlice}
          style={{ maxWidth: 512 }}
          aria-label={t('sliceSlider')}
        />
      )}
    </div>
  );
}
