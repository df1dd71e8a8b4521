import { useEffect, useState } from 'react';

/**
 * A QR code of a link, drawn as SVG so it prints sharp on a thermal ticket. The encoder is
 * loaded on first use: only the pages that print tickets pay for it.
 */
export function QrCode({ text, size = 160, label }: { text: string; size?: number; label?: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void import('qrcode')
      .then((qr) => qr.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }))
      .then((svg) => {
        if (live) setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
      });
    return () => {
      live = false;
    };
  }, [text]);
  return src ? (
    <img src={src} width={size} height={size} alt={label ?? text} data-testid="qr-code" />
  ) : (
    <div style={{ width: size, height: size }} aria-busy="true" />
  );
}
