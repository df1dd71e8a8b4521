import { pinyin } from 'pinyin-pro';

/** Full pinyin and initials for search: 张三明 → zhangsanming / zsm (surname readings for 单, 曾 ...). */
export function namePinyin(name: string): { full: string; initials: string } {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', v: true })
    .map((s) => s.toLowerCase().replace(/[^a-z]/g, ''))
    .filter(Boolean);
  return { full: syllables.join(''), initials: syllables.map((s) => s[0]).join('') };
}
