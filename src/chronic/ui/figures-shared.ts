import { todayShanghai } from '../../web/format.ts';
import { type Translate } from '../../web/i18n.ts';

import { type Figure, type Population, type Ratio } from './figures.api.ts';
import { chronicFiguresMessages } from './figures.i18n.ts';

/** What the figures page's parts share: the translator's type, levels, years, population labels, rate text. */
export type T = Translate<typeof chronicFiguresMessages>;
export type Level = 'county' | 'township' | 'village' | 'grid';
export type Caliber = 'four' | 'quarterly';
export type Disease = 'htn' | 't2dm';
export const THIS_YEAR = Number(todayShanghai().slice(0, 4));
export const YEARS = Array.from({ length: 6 }, (_, i) => THIS_YEAR - i);
export const POP_LABEL: Record<Population, keyof typeof chronicFiguresMessages> = {
  all: 'popAll',
  elderly: 'popElderly',
  child: 'popChild',
  poor: 'popPoor',
  hypertension: 'popHypertension',
  diabetes: 'popDiabetes',
};
/** a rate as the server rounds it (one decimal); a count too small to show at that precision reads "<0.1%" */
export const rate = (r: Ratio | undefined) =>
  r?.rate == null ? '—' : r.rate === 0 && r.numerator > 0 ? '<0.1%' : `${r.rate}%`;

/** one figure cell the drill-down opens */
export interface Cell {
  figure: Figure;
  disease: Disease;
  part: 'numerator' | 'denominator';
  orgId?: number;
  title: string;
}
