import iconv from 'iconv-lite';

/**
 * Patient names in DICOM from township devices (issue 12 §2): many Chinese modalities write the
 * name in GBK/GB18030 while (0008,0005) says ISO_IR 100 (Latin-1) or nothing at all. Rules:
 * - ISO_IR 192 declared, or the bytes are valid UTF-8 → UTF-8;
 * - GB18030 / GBK declared → GB18030 (a superset of GBK and GB2312);
 * - ISO 2022 IR 58 (GB2312 with escapes) → escapes removed, GB18030;
 * - otherwise (ISO_IR 100, ISO_IR 6, nothing): when every byte ≥ 0x80 is part of a valid GBK pair,
 *   the pairs decode to Chinese characters, and the bytes do not read as sensible Latin-1 (an
 *   accented letter between ASCII letters, as in "Müller") → GB18030; else Latin-1.
 */

const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u00b7]/;

function isStrictUtf8(b: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

/** every high byte a GBK lead byte followed by a valid trail byte */
function gbkPairs(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c < 0x80) continue;
    if (c < 0x81 || c > 0xfe || i + 1 >= b.length) return false;
    const t = b[i + 1];
    if (t < 0x40 || t === 0x7f || t > 0xfe) return false;
    i++;
  }
  return true;
}

/** Latin-1 that reads as a European name: each high byte a letter touching an ASCII letter */
function sensibleLatin1(b: Uint8Array): boolean {
  const letter = (c: number | undefined) => c !== undefined && ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a));
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c < 0x80) continue;
    if (c < 0xc0 || c === 0xd7 || c === 0xf7) return false;
    if (!letter(b[i - 1]) && !letter(b[i + 1])) return false;
  }
  return true;
}

const hasHigh = (b: Uint8Array): boolean => b.some((c) => c >= 0x80);

/** decodes a text value (PN, LO, SH...) given the file's declared SpecificCharacterSet */
export function decodeDicomText(bytes: Uint8Array, declared: string | null | undefined): string {
  const cs = (declared ?? '').toUpperCase();
  if (!hasHigh(bytes) && !bytes.includes(0x1b)) return Buffer.from(bytes).toString('latin1');
  if (cs.includes('GB18030') || cs.includes('GBK')) return iconv.decode(Buffer.from(bytes), 'gb18030');
  if (cs.includes('ISO 2022 IR 58')) {
    // drop the ISO 2022 escape sequences (ESC, intermediates, a final byte); keep the GB2312 bytes
    const kept: number[] = [];
    for (let i = 0; i < bytes.length; i++) {
      if (bytes[i] !== 0x1b) kept.push(bytes[i]);
      else {
        while (i + 1 < bytes.length && bytes[i + 1] >= 0x20 && bytes[i + 1] <= 0x2f) i++;
        i++;
      }
    }
    return iconv.decode(Buffer.from(kept), 'gb18030');
  }
  if (isStrictUtf8(bytes)) return new TextDecoder('utf-8').decode(bytes);
  if (gbkPairs(bytes) && !sensibleLatin1(bytes)) {
    const s = iconv.decode(Buffer.from(bytes), 'gb18030');
    const high = [...s].filter((ch) => ch.charCodeAt(0) >= 0x80);
    if (high.length > 0 && high.every((ch) => CJK.test(ch))) return s;
  }
  return Buffer.from(bytes).toString('latin1');
}

/**
 * A DICOM PN as people read it: the ideographic group (after the first '=') when present, else
 * the alphabetic one; components joined without spaces for Chinese, with spaces otherwise.
 */
export function displayPersonName(pn: string): string {
  const groups = pn.replace(/[\0\s]+$/, '').split('=');
  const pick = groups[1]?.replace(/\^/g, '').trim() ? groups[1] : groups[0];
  const parts = (pick ?? '')
    .split('^')
    .map((x) => x.trim())
    .filter(Boolean);
  return parts.join(parts.some((x) => CJK.test(x)) ? '' : ' ');
}
