import { UploadOutlined } from '@ant-design/icons';
import { Button, Segmented, Space, Typography } from 'antd';
import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { useT } from '../../web/i18n.ts';
import { fdMessages } from './fd.i18n.ts';

export interface SignatureValue {
  kind: 'drawn' | 'scan';
  dataUrl: string;
}

const MAX_BYTES = 600 * 1024;
/** bytes of a base64 data URL's payload */
const bytesOf = (dataUrl: string) => Math.floor(((dataUrl.length - dataUrl.indexOf(',') - 1) * 3) / 4);

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('image'));
    img.src = src;
  });
}

/** A photo of the paper contract: kept as is up to 600 KB, otherwise redrawn smaller as JPEG until it fits. */
export async function compressImage(file: File): Promise<string | null> {
  const original = await new Promise<string>((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(new Error('read'));
    r.readAsDataURL(file);
  });
  if (file.size <= MAX_BYTES) return original;
  const img = await loadImage(original);
  let scale = Math.min(1, 1600 / Math.max(img.width, img.height));
  for (let i = 0; i < 8; i++) {
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(img.width * scale));
    canvas.height = Math.max(1, Math.round(img.height * scale));
    const g = canvas.getContext('2d');
    if (!g) return null;
    g.fillStyle = '#fff';
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.drawImage(img, 0, 0, canvas.width, canvas.height);
    const out = canvas.toDataURL('image/jpeg', i < 3 ? 0.8 : 0.6);
    if (bytesOf(out) <= MAX_BYTES) return out;
    scale *= 0.75;
  }
  return null;
}

/** 手写签名 on a canvas (mouse, pen or finger: pointer events) or 纸质协议扫描件 (photo upload). */
export function SignatureInput({
  value,
  onChange,
  height = 180,
}: {
  value: SignatureValue | null;
  onChange: (v: SignatureValue | null) => void;
  height?: number;
}) {
  const t = useT(fdMessages);
  const [kind, setKind] = useState<'drawn' | 'scan'>(value?.kind ?? 'drawn');
  const [error, setError] = useState<string | null>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const last = useRef<{ x: number; y: number } | null>(null);
  const inked = useRef(false);
  const file = useRef<HTMLInputElement>(null);

  // size the canvas to its box (sharp on high-density phone screens)
  useEffect(() => {
    const c = canvas.current;
    if (!c || kind !== 'drawn') return;
    const ratio = window.devicePixelRatio || 1;
    const w = c.clientWidth;
    c.width = Math.round(w * ratio);
    c.height = Math.round(height * ratio);
    const g = c.getContext('2d');
    if (!g) return;
    g.scale(ratio, ratio);
    g.fillStyle = '#fff';
    g.fillRect(0, 0, w, height);
    g.lineWidth = 2.5;
    g.lineCap = 'round';
    g.lineJoin = 'round';
    g.strokeStyle = '#111';
    inked.current = false;
  }, [kind, height]);

  const at = (e: PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const down = (e: PointerEvent<HTMLCanvasElement>) => {
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    drawing.current = true;
    last.current = at(e);
  };
  const move = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current || !last.current) return;
    const g = e.currentTarget.getContext('2d');
    const p = at(e);
    if (!g) return;
    g.beginPath();
    g.moveTo(last.current.x, last.current.y);
    g.lineTo(p.x, p.y);
    g.stroke();
    last.current = p;
    inked.current = true;
  };
  const up = () => {
    if (!drawing.current) return;
    drawing.current = false;
    last.current = null;
    if (inked.current && canvas.current) onChange({ kind: 'drawn', dataUrl: canvas.current.toDataURL('image/png') });
  };
  const clear = () => {
    const c = canvas.current;
    const g = c?.getContext('2d');
    if (c && g) {
      g.save();
      g.setTransform(1, 0, 0, 1, 0, 0);
      g.fillStyle = '#fff';
      g.fillRect(0, 0, c.width, c.height);
      g.restore();
    }
    inked.current = false;
    onChange(null);
  };
  const pickFile = async (f: File | undefined) => {
    setError(null);
    if (!f) return;
    if (!/^image\/(png|jpeg)$/.test(f.type)) return setError(t('notImage'));
    const out = await compressImage(f).catch(() => null);
    if (!out) return setError(t('tooLarge'));
    onChange({ kind: 'scan', dataUrl: out });
  };

  return (
    <div className="fd-signature">
      <Segmented
        block
        value={kind}
        onChange={(k) => {
          setKind(k as 'drawn' | 'scan');
          onChange(null);
        }}
        options={[
          { value: 'drawn', label: t('drawn') },
          { value: 'scan', label: t('scan') },
        ]}
        style={{ marginBottom: 8 }}
      />
      {kind === 'drawn' ? (
        <div>
          <Typography.Text type="secondary">{t('signHere')}</Typography.Text>
          <canvas
            ref={canvas}
            data-testid="signature-pad"
            aria-label={t('signHere')}
            onPointerDown={down}
            onPointerMove={move}
            onPointerUp={up}
            onPointerCancel={up}
            onPointerLeave={up}
            style={{
              display: 'block',
              width: '100%',
              height,
              border: '1px dashed #8c8c8c',
              borderRadius: 6,
              background: '#fff',
              touchAction: 'none',
              marginTop: 4,
            }}
          />
          <Button size="small" style={{ marginTop: 6 }} onClick={clear}>
            {t('clear')}
          </Button>
        </div>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <input
            ref={file}
            type="file"
            accept="image/png,image/jpeg"
            capture="environment"
            style={{ display: 'none' }}
            data-testid="signature-file"
            onChange={(e) => void pickFile(e.target.files?.[0])}
          />
          <Button icon={<UploadOutlined />} onClick={() => file.current?.click()}>
            {t('upload')}
          </Button>
          <Typography.Text type="secondary">{t('uploadHint')}</Typography.Text>
          {value?.kind === 'scan' ? (
            <img
              src={value.dataUrl}
              alt={t('scan')}
              style={{ maxWidth: '100%', maxHeight: 240, border: '1px solid #eee' }}
            />
          ) : null}
        </Space>
      )}
      {error ? <Typography.Text type="danger">{error}</Typography.Text> : null}
    </div>
  );
}
