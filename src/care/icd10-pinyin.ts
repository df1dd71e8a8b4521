import { pinyin } from 'pinyin-pro';

/**
 * The pinyin syllables of a diagnosis name, for search: 高血压 → gao xue ya. Words are read in
 * context (血 xue, 膀胱 pang guang, 阻塞 zu se) and never as surnames, unlike a resident's name.
 */
export function diagnosisSyllables(name: string): string[] {
  const han = name.replace(/[^\u4e00-\u9fff]/g, '');
  if (!han) return [];
  return pinyin(han, { toneType: 'none', type: 'array', v: true })
    .map((s) => s.toLowerCase().replace(/[^a-z]/g, ''))
    .filter(Boolean);
}
