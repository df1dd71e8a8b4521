import type { Rng, Weighted } from './random.ts';

/**
 * Surnames with weights shaped like Shanxi's (per-mille, rounded): 王 李 张 刘 lead as
 * nationwide, but 郭 武 梁 白 贾 闫 郝 温 侯 冀 are far more common here than in the
 * national tables, and 陈 ranks lower than in the south.
 */
export const SURNAMES: Weighted<string> = [
  ['王', 86],
  ['李', 66],
  ['张', 62],
  ['刘', 50],
  ['郭', 36],
  ['杨', 30],
  ['赵', 30],
  ['武', 24],
  ['梁', 20],
  ['陈', 18],
  ['白', 16],
  ['贾', 16],
  ['田', 15],
  ['任', 15],
  ['韩', 14],
  ['闫', 14],
  ['高', 14],
  ['孙', 12],
  ['马', 12],
  ['宋', 11],
  ['侯', 11],
  ['温', 10],
  ['郝', 10],
  ['薛', 9],
  ['吴', 9],
  ['冀', 8],
  ['范', 8],
  ['乔', 8],
  ['史', 8],
  ['段', 8],
  ['曹', 7],
  ['霍', 7],
  ['冯', 7],
  ['常', 7],
  ['牛', 6],
  ['秦', 6],
  ['申', 6],
  ['程', 6],
  ['胡', 6],
  ['周', 6],
  ['崔', 5],
  ['孟', 5],
  ['董', 5],
  ['石', 5],
  ['邢', 5],
  ['翟', 4],
  ['雷', 4],
  ['苏', 4],
  ['徐', 4],
  ['朱', 4],
  ['宁', 4],
  ['师', 3],
  ['阎', 3],
  ['耿', 3],
  ['尹', 3],
  ['姚', 3],
  ['卫', 3],
  ['岳', 3],
  ['药', 2],
  ['要', 2],
  ['靳', 2],
  ['安', 2],
  ['成', 2],
  ['原', 2],
];

/**
 * Given-name characters by generation: names follow fashions, so a 1950 birth reads
 * 秀英 or 建国 while a 2015 birth reads 梓涵 or 浩宇. Searching the demo county then
 * feels like searching a real register.
 */
interface GenerationPool {
  male: string;
  female: string;
  /** whole two-character names typical of the period, used now and then */
  maleWhole: readonly string[];
  femaleWhole: readonly string[];
  /** share of one-character given names */
  single: number;
}

const OLD: GenerationPool = {
  male: '建国军福贵富生有明忠德文武成海山林宝玉喜锁根全保旺来平安永志胜荣华兴',
  female: '秀英兰桂凤玉梅花珍香翠莲芳琴爱云巧先彩改娥金银存女枝菊',
  maleWhole: ['建国', '国庆', '富贵', '有福', '金锁', '拴柱', '二虎', '保平', '永胜', '援朝'],
  femaleWhole: ['秀英', '桂兰', '玉兰', '凤英', '桂英', '秀兰', '改娥', '翠萍', '爱莲', '金花'],
  single: 0.12,
};

const MIDDLE: GenerationPool = {
  male: '伟强军勇斌杰涛明辉鹏刚亮磊峰波建华志宏红卫东俊文晋晓平利',
  female: '丽娟霞红燕艳萍敏静玲慧芳晓云琴英美娜颖晶洁瑞晋',
  maleWhole: ['晓东', '志强', '建军', '海军', '晋生', '卫东', '红军', '文斌', '俊峰', '志刚'],
  femaleWhole: ['丽娟', '晓燕', '红霞', '艳红', '晋芳', '美玲', '彩霞', '晓丽', '秀丽', '丽萍'],
  single: 0.25,
};

const YOUNG: GenerationPool = {
  male: '浩宇轩子博晨睿泽阳铭航俊逸嘉豪哲瑞鑫凯然宸诚皓昊天煜',
  female: '欣怡雨涵梓萱婷佳悦琪诗雅妍可馨静思彤瑶嘉璐月蕊晨菲',
  maleWhole: ['浩然', '子轩', '梓豪', '宇航', '俊熙', '一鸣', '博文', '睿泽', '晨阳', '皓轩'],
  femaleWhole: ['欣怡', '雨涵', '梓涵', '诗涵', '一诺', '可馨', '佳怡', '若曦', '思彤', '雨桐'],
  single: 0.1,
};

function poolFor(birthYear: number): GenerationPool {
  if (birthYear < 1965) return OLD;
  if (birthYear < 1990) return MIDDLE;
  return YOUNG;
}

function charAt(rng: Rng, chars: string): string {
  return chars[rng.int(0, chars.length - 1)];
}

export function givenName(rng: Rng, sex: 'M' | 'F', birthYear: number): string {
  const pool = poolFor(birthYear);
  const chars = sex === 'M' ? pool.male : pool.female;
  if (rng.chance(pool.single)) return charAt(rng, chars);
  if (rng.chance(0.15)) return rng.pick(sex === 'M' ? pool.maleWhole : pool.femaleWhole);
  const first = charAt(rng, chars);
  let second = charAt(rng, chars);
  // 叠字 like 丽丽 exist but are rare; a repeated draw usually reads as a typo
  if (second === first && rng.chance(0.8)) second = charAt(rng, chars);
  return first + second;
}

export function surnameSampler(rng: Rng): () => string {
  return rng.sampler(SURNAMES);
}
