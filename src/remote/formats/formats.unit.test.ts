import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseAecg, writeAecg } from './aecg.ts';
import { decodeDicomText, displayPersonName } from './charset.ts';
import { dicomWaveform, parseDicom } from './dicom-pixels.ts';
import { writeDicomEcg } from './dicom-write.ts';
import { fixturePicture, jpegBaselineDicom } from '../fixtures/jpeg-dicom.ts';
import jpeg from 'jpeg-js';
import { synthEcg } from './ecg-synth.ts';
import { headCtSeries } from './phantom.ts';

const gbk = (s: string) => Uint8Array.from(iconv.encode(s, 'gbk'));
const latin1 = (s: string) => Uint8Array.from(Buffer.from(s, 'latin1'));

describe('aECG', () => {
  it('round-trips 12 leads, the rate, the patient, the accession and the start', () => {
    const leads = synthEcg({ leads: 12, seconds: 10, sampleRateHz: 500, heartRate: 75, pattern: 'normal' });
    const start = new Date('2026-12-03T01:02:03.500Z');
    const bytes = writeAecg({
      leads,
      sampleRateHz: 500,
      start,
      patientId: '110101195001011234',
      patientName: '张三丰 & <李>',
      accession: 'R2612030000001',
      deviceId: 'KIT-0001',
    });
    const xml = new TextDecoder().decode(bytes);
    expect(xml).toContain('MDC_ECG_LEAD_AVF');
    expect(xml).toContain('xsi:type="SLIST_PQ"');
    expect(xml).toContain('xsi:type="GLIST_TS"');
    const p = parseAecg(bytes);
    expect(p.patientId).toBe('110101195001011234');
    expect(p.patientName).toBe('张三丰 & <李>');
    expect(p.accession).toBe('R2612030000001');
    expect(p.deviceId).toBe('KIT-0001');
    expect(p.start?.toISOString()).toBe(start.toISOString());
    expect(p.sampleRateHz).toBe(500);
    expect(p.leads.map((l) => l.name)).toEqual([
      'I',
      'II',
      'III',
      'aVR',
      'aVL',
      'aVF',
      'V1',
      'V2',
      'V3',
      'V4',
      'V5',
      'V6',
    ]);
    expect(p.leads[1].samplesUv).toEqual(leads[1].samplesUv);
    expect(p.leads[0].samplesUv).toHaveLength(5000);
  });

  it('reads origin and scale in mV', () => {
    const xml = new TextDecoder()
      .decode(
        writeAecg({
          leads: [{ name: 'II', samplesUv: [1, 2, 3] }],
          sampleRateHz: 250,
          start: new Date(0),
          patientId: 'X',
        }),
      )
      .replace('<origin value="0" unit="uV"/>', '<origin value="0.1" unit="mV"/>')
      .replace('<scale value="1" unit="uV"/>', '<scale value="0.005" unit="mV"/>');
    const p = parseAecg(new TextEncoder().encode(xml));
    expect(p.leads[0].samplesUv.map((v) => Math.round(v))).toEqual([105, 110, 115]);
    expect(p.sampleRateHz).toBe(250);
    expect(p.accession).toBeNull();
  });
});

describe('synthetic ECG', () => {
  it('inferior STEMI: ST up in II, III, aVF and down in I, aVL', () => {
    const rate = 500;
    const st = (pattern: 'normal' | 'inferior_stemi') => {
      const leads = synthEcg({ leads: 12, seconds: 4, sampleRateHz: rate, heartRate: 60, pattern, seed: 3 });
      // mean over 0.27–0.30 s after each beat onset is hard to align; compare the whole-record means
      return Object.fromEntries(
        leads.map((l) => [l.name, l.samplesUv.reduce((a, b) => a + b, 0) / l.samplesUv.length]),
      );
    };
    const n = st('normal');
    const s = st('inferior_stemi');
    for (const l of ['II', 'III', 'aVF']) expect(s[l] - n[l]).toBeGreaterThan(20);
    for (const l of ['I', 'aVL']) expect(s[l] - n[l]).toBeLessThan(-10);
  });
});

describe('GBK names under ISO_IR 100', () => {
  it('decodes GBK bytes as Chinese even when Latin-1 is declared', () => {
    expect(decodeDicomText(gbk('张三丰'), 'ISO_IR 100')).toBe('张三丰');
    expect(decodeDicomText(gbk('Zhang^Sanfeng=张^三丰'), 'ISO_IR 100')).toBe('Zhang^Sanfeng=张^三丰');
    expect(decodeDicomText(gbk('欧阳娜娜'), undefined)).toBe('欧阳娜娜');
    expect(decodeDicomText(Uint8Array.from(iconv.encode('䶮', 'gb18030')), 'GB18030')).toBe('䶮');
  });
  it('keeps sensible Latin-1 and honours UTF-8', () => {
    expect(decodeDicomText(latin1('Müller^Jürgen'), 'ISO_IR 100')).toBe('Müller^Jürgen');
    expect(decodeDicomText(latin1('José'), 'ISO_IR 100')).toBe('José');
    expect(decodeDicomText(new TextEncoder().encode('王小明'), 'ISO_IR 192')).toBe('王小明');
    expect(decodeDicomText(new TextEncoder().encode('王小明'), 'ISO_IR 100')).toBe('王小明');
  });
  it('shows the ideographic group of a PN', () => {
    expect(displayPersonName('Zhang^Sanfeng=张^三丰=')).toBe('张三丰');
    expect(displayPersonName('Smith^John')).toBe('Smith John');
  });
});

describe('DICOM writer', () => {
  it('writes a 12-lead ECG that reads back within the device resolution', () => {
    const leads = synthEcg({ leads: 12, seconds: 2, sampleRateHz: 500, heartRate: 80, pattern: 'af' });
    const bytes = writeDicomEcg({
      leads,
      sampleRateHz: 500,
      patientId: 'P1',
      studyUid: '1.2.3',
      seriesUid: '1.2.3.4',
      sopUid: '1.2.3.4.5',
    });
    const ds = parseDicom(bytes);
    expect(ds.string('x00080016')).toBe('1.2.840.10008.5.1.4.1.1.9.1.1');
    const w = dicomWaveform(bytes);
    expect(w.sampleRateHz).toBe(500);
    expect(w.leads.map((l) => l.name)).toEqual(leads.map((l) => l.name));
    w.leads.forEach((l, i) =>
      l.samplesUv.forEach((v, k) => expect(Math.abs(v - leads[i].samplesUv[k])).toBeLessThanOrEqual(1.25)),
    );
  });
  it('writes a CT phantom series with window and pixels in HU', () => {
    const series = headCtSeries({ patientId: 'P1', accession: 'R1', slices: 3, size: 64 });
    expect(series).toHaveLength(3);
    const d = parseDicom(series[1].bytes);
    const head = [d.uint16('x00280010'), d.uint16('x00280011'), d.floatString('x00281050')];
    expect([...head, d.floatString('x00281051'), d.intString('x00200013')]).toEqual([64, 64, 40, 80, 2]);
    const px = d.elements.x7fe00010;
    const hu = new Int16Array(d.byteArray.slice(px.dataOffset, px.dataOffset + px.length).buffer);
    expect(hu[0]).toBe(-1000);
    expect(Math.abs(hu[32 * 64 + 20] - 35)).toBeLessThan(10);
  });
  it('writes a JPEG-baseline image as encapsulated pixel data that decodes back to the picture', () => {
    const d = parseDicom(jpegBaselineDicom({ patientId: 'P1', size: 64 }));
    expect(d.string('x00020010')).toBe('1.2.840.10008.1.2.4.50');
    expect([d.uint16('x00280002'), d.string('x00280004'), d.uint16('x00280100')]).toEqual([3, 'YBR_FULL', 8]);
    const px = d.elements.x7fe00010;
    expect(px.encapsulatedPixelData).toBe(true);
    expect(px.basicOffsetTable).toEqual([]);
    const frag = px.fragments?.[0];
    if (!frag) throw new Error('no fragment');
    const bytes = d.byteArray.subarray(frag.position, frag.position + frag.length);
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8]);
    const img = jpeg.decode(bytes, { useTArray: true });
    const want = fixturePicture(64);
    let worst = 0;
    for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(img.data[i * 4] - want[i]));
    expect(worst).toBeLessThan(40);
    expect(new Set(want).size).toBeGreaterThan(10);
  });
});
