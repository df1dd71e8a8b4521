import { Spin } from 'antd';
import { lazy, Suspense } from 'react';

/**
 * The 2-D DICOM image viewer (issue 12 §2) on dwv (DICOM Web Viewer, https://github.com/ivmartel/dwv,
 * licensed GPL-3.0): window/level by dragging or presets (脑窗/肺窗/骨窗), zoom and pan (buttons,
 * mouse wheel and drag in the pan tool, pinch on touch screens), series scrolling (wheel and
 * slider) and reset, for uncompressed and compressed images (JPEG baseline, JPEG lossless,
 * JPEG 2000, RLE). dwv, konva and jszip are loaded on first use only (the `dwv` chunk).
 * Test hooks on data-testid="image-viewer": data-slice, data-window ("W/C"), data-zoom.
 */
const DwvView = lazy(() => import('./dwv-view.tsx'));

export function ImageViewer({ studyIds }: { studyIds: number[] }) {
  return (
    <Suspense fallback={<Spin />}>
      <DwvView studyIds={studyIds} />
    </Suspense>
  );
}
