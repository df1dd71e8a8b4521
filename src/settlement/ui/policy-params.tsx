import { Button, InputNumber, Select, Space, Typography } from 'antd';
import { type ReactNode } from 'react';
import type { z } from 'zod';
import { formatMoney, yuanToFen } from '../../web/format.ts';
import { useT, type Translate } from '../../web/i18n.ts';
import { packageInput, type RuleInput } from '../settlement.schema.ts';
import { type PolicyPackage, type PolicyRule } from './settlement-admin.api.ts';
import { settlementAdminMessages } from './settlement-admin.i18n.ts';

export type T = Translate<typeof settlementAdminMessages>;
export type PackageInput = z.input<typeof packageInput>;
export type EditRule = RuleInput & { key: string };
export type EditPackage = PackageInput & { key: string };
export type Setting = RuleInput['setting'];
export type Layer = RuleInput['layer'];

export const SETTINGS: Setting[] = ['inpatient', 'outpatient', 'chronic'];
export const SCHEMES: RuleInput['scheme'][] = ['resident', 'employee'];
export const PERSON_CATS: RuleInput['personCat'][] = ['*', 'poor', 'low_income', 'extreme_poor', 'general'];
export const LAYERS: Layer[] = ['basic', 'serious', 'supplementary', 'assistance', 'doudi', 'deposit'];
export const LEVELS: RuleInput['hospLevel'][] = ['*', 'primary', 'county', 'city', 'province'];

/** which parameters a layer uses (calc.ts); the others are not sent on save */
export const USES: Record<Layer, ReadonlyArray<keyof RuleInput>> = {
  basic: ['deductibleFen', 'deductiblePer', 'ratioBp', 'annualCapFen'],
  serious: ['thresholdFen', 'tiers', 'annualCapFen'],
  supplementary: ['thresholdFen', 'ratioBp', 'annualCapFen'],
  assistance: ['thresholdFen', 'ratioBp', 'annualCapFen'],
  doudi: ['capFen', 'capScope', 'capPeriod'],
  deposit: ['amountFen'],
};
export const PARAMS: ReadonlyArray<keyof RuleInput> = [
  'deductibleFen',
  'deductiblePer',
  'ratioBp',
  'thresholdFen',
  'tiers',
  'annualCapFen',
  'capFen',
  'capScope',
  'capPeriod',
  'amountFen',
];
/** a new row or a changed layer starts with the choices the database requires filled */
export const LAYER_DEFAULTS: Record<Layer, Partial<RuleInput>> = {
  basic: { deductiblePer: 'stay' },
  serious: { tiers: [{ uptoFen: null, ratioBp: 6000 }] },
  supplementary: {},
  assistance: {},
  doudi: { capScope: 'compliant', capPeriod: 'year' },
  deposit: {},
};

let seq = 0;
export const newKey = () => `k${++seq}`;

/** `60%`, `62.5%` from basis points */
export const pct = (bp: number | null | undefined) => (bp == null ? '—' : `${Number((bp / 100).toFixed(2))}%`);
/** `¥50,000` for whole yuan (tier bounds), else with fen */
export const yuanShort = (fen: number) => (fen % 100 === 0 ? formatMoney(fen).replace(/\.00$/, '') : formatMoney(fen));
export const fenToYuan = (fen: number | null | undefined) => (fen == null ? null : fen / 100);
export const bpToPct = (bp: number | null | undefined) => (bp == null ? null : bp / 100);
export const pctToBp = (v: number | null | undefined) => (v == null ? null : Math.round(v * 100));

export function toRuleInput(r: PolicyRule): EditRule {
  return {
    key: newKey(),
    scheme: r.scheme,
    personCat: r.person_cat,
    setting: r.setting,
    layer: r.layer,
    hospLevel: r.hosp_level,
    deductibleFen: r.deductible_fen,
    deductiblePer: r.deductible_per,
    ratioBp: r.ratio_bp,
    thresholdFen: r.threshold_fen,
    tiers: r.tiers?.map((x) => ({ uptoFen: x.upto_fen, ratioBp: x.ratio_bp })) ?? null,
    annualCapFen: r.annual_cap_fen,
    capFen: r.cap_fen,
    capScope: r.cap_scope,
    capPeriod: r.cap_period,
    amountFen: r.amount_fen,
    diseases: r.diseases,
    docRef: r.doc_ref,
  };
}

export function toPackageInput(p: PolicyPackage): EditPackage {
  return {
    key: newKey(),
    code: p.code,
    diseaseName: p.disease_name,
    icdPrefixes: p.icd_prefixes,
    hospLevel: p.hosp_level,
    orgId: p.org_id,
    fixedPriceFen: p.fixed_price_fen,
    patientShareBp: p.patient_share_bp,
    docRef: p.doc_ref ?? null,
  };
}

/** the parameters a layer uses, in words: one line each */
export function paramLines(r: RuleInput, t: T): string[] {
  const uses = USES[r.layer];
  const out: string[] = [];
  const period = (p: 'stay' | 'year' | null | undefined) => (p === 'year' ? t('perYear') : t('perStay'));
  if (uses.includes('deductibleFen') && r.deductibleFen != null)
    out.push(`${t('deductible')} ${formatMoney(r.deductibleFen)}（${period(r.deductiblePer)}）`);
  if (uses.includes('thresholdFen') && r.thresholdFen != null)
    out.push(`${t('threshold')} ${formatMoney(r.thresholdFen)}`);
  if (uses.includes('ratioBp') && r.ratioBp != null) out.push(`${t('ratio')} ${pct(r.ratioBp)}`);
  if (uses.includes('tiers') && r.tiers?.length)
    out.push(
      r.tiers
        .map((x) =>
          x.uptoFen === null ? `${t('tierAbove')} ${pct(x.ratioBp)}` : `≤${yuanShort(x.uptoFen)} ${pct(x.ratioBp)}`,
        )
        .join('；'),
    );
  if (uses.includes('annualCapFen') && r.annualCapFen != null)
    out.push(`${t('annualCap')} ${formatMoney(r.annualCapFen)}`);
  if (uses.includes('capFen') && r.capFen != null)
    out.push(
      `${t('cap')} ${formatMoney(r.capFen)}（${period(r.capPeriod)}，${r.capScope === 'all' ? t('scopeAll') : t('scopeCompliant')}）`,
    );
  if (uses.includes('amountFen') && r.amountFen != null) out.push(`${t('deposit')} ${formatMoney(r.amountFen)}`);
  if (r.diseases?.length) out.push(`${t('diseases')} ${r.diseases.join(', ')}`);
  return out;
}

/** what is sent: only the parameters the layer uses */
export function ruleBody({ key: _key, ...r }: EditRule): RuleInput {
  const out: RuleInput = { ...r };
  for (const p of PARAMS) if (!USES[r.layer].includes(p)) (out as Record<string, unknown>)[p] = null;
  if (!out.diseases?.length) out.diseases = null;
  if (!out.docRef?.trim()) out.docRef = null;
  return out;
}

export function options<V extends string>(values: readonly V[], word: (v: V) => string) {
  return values.map((v) => ({ value: v, label: word(v) }));
}

/** one labelled input in the parameters cell */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Space size={4} wrap={false}>
      <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
        {label}
      </Typography.Text>
      {children}
    </Space>
  );
}

export function YuanInput({
  label,
  fen,
  onChange,
}: {
  label: string;
  fen: number | null | undefined;
  onChange: (fen: number | null) => void;
}) {
  return (
    <Field label={label}>
      <InputNumber
        size="small"
        aria-label={label}
        prefix="¥"
        min={0}
        step={100}
        precision={2}
        style={{ width: 130 }}
        value={fenToYuan(fen)}
        onChange={(v) => onChange(yuanToFen(v))}
      />
    </Field>
  );
}

export function PercentInput({
  label,
  bp,
  onChange,
  width = 90,
}: {
  label: string;
  bp: number | null | undefined;
  onChange: (bp: number | null) => void;
  width?: number;
}) {
  return (
    <InputNumber
      size="small"
      aria-label={label}
      suffix="%"
      min={0}
      max={100}
      precision={2}
      style={{ width }}
      value={bpToPct(bp)}
      onChange={(v) => onChange(pctToBp(v))}
    />
  );
}

/** the parameters of one rule as inputs, only those its layer uses */
export function ParamEditor({ r, onChange }: { r: EditRule; onChange: (patch: Partial<RuleInput>) => void }) {
  const t = useT(settlementAdminMessages);
  const uses = USES[r.layer];
  const periodOptions = [
    { value: 'stay', label: t('perStay') },
    { value: 'year', label: t('perYear') },
  ];
  const tiers = r.tiers ?? [];
  return (
    <Space orientation="vertical" size={4}>
      {uses.includes('deductibleFen') && (
        <Space size={4} wrap>
          <YuanInput
            label={t('deductible')}
            fen={r.deductibleFen}
            onChange={(deductibleFen) => onChange({ deductibleFen })}
          />
          <Select
            size="small"
            aria-label={t('deductible')}
            style={{ width: 80 }}
            value={r.deductiblePer ?? undefined}
            onChange={(deductiblePer: 'stay' | 'year') => onChange({ deductiblePer })}
            options={periodOptions}
          />
        </Space>
      )}
      {uses.includes('thresholdFen') && (
        <YuanInput
          label={t('threshold')}
          fen={r.thresholdFen}
          onChange={(thresholdFen) => onChange({ thresholdFen })}
        />
      )}
      {uses.includes('ratioBp') && (
        <Field label={t('ratioField')}>
          <PercentInput label={t('ratioField')} bp={r.ratioBp} onChange={(ratioBp) => onChange({ ratioBp })} />
        </Field>
      )}
      {uses.includes('tiers') && (
        <Field label={t('tiers')}>
          <Space orientation="vertical" size={2}>
            {tiers.map((x, i) => (
              <Space key={i} size={4}>
                <InputNumber
                  size="small"
                  aria-label={t('tierUptoPlaceholder')}
                  placeholder={t('tierAbove')}
                  prefix="≤¥"
                  min={0}
                  precision={2}
                  style={{ width: 130 }}
                  value={fenToYuan(x.uptoFen)}
                  onChange={(v) =>
                    onChange({ tiers: tiers.map((y, j) => (j === i ? { ...y, uptoFen: yuanToFen(v) } : y)) })
                  }
                />
                <PercentInput
                  label={t('ratioField')}
                  bp={x.ratioBp}
                  width={80}
                  onChange={(bp) =>
                    onChange({ tiers: tiers.map((y, j) => (j === i ? { ...y, ratioBp: bp ?? 0 } : y)) })
                  }
                />
                <Button
                  size="small"
                  type="text"
                  danger
                  aria-label={t('delete')}
                  disabled={tiers.length <= 1}
                  onClick={() => onChange({ tiers: tiers.filter((_, j) => j !== i) })}
                >
                  ×
                </Button>
              </Space>
            ))}
            <Button
              size="small"
              type="dashed"
              onClick={() => onChange({ tiers: [...tiers, { uptoFen: null, ratioBp: tiers.at(-1)?.ratioBp ?? 0 }] })}
            >
              {t('addTier')}
            </Button>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('tierUptoPlaceholder')}
            </Typography.Text>
          </Space>
        </Field>
      )}
      {uses.includes('annualCapFen') && (
        <YuanInput
          label={t('annualCap')}
          fen={r.annualCapFen}
          onChange={(annualCapFen) => onChange({ annualCapFen })}
        />
      )}
      {uses.includes('capFen') && (
        <>
          <YuanInput label={t('cap')} fen={r.capFen} onChange={(capFen) => onChange({ capFen })} />
          <Space size={4} wrap>
            <Select
              size="small"
              aria-label={t('capPeriod')}
              style={{ width: 80 }}
              value={r.capPeriod ?? undefined}
              onChange={(capPeriod: 'stay' | 'year') => onChange({ capPeriod })}
              options={periodOptions}
            />
            <Select
              size="small"
              aria-label={t('capScope')}
              style={{ width: 120 }}
              value={r.capScope ?? undefined}
              onChange={(capScope: 'all' | 'compliant') => onChange({ capScope })}
              options={[
                { value: 'compliant', label: t('scopeCompliant') },
                { value: 'all', label: t('scopeAll') },
              ]}
            />
          </Space>
        </>
      )}
      {uses.includes('amountFen') && (
        <YuanInput label={t('deposit')} fen={r.amountFen} onChange={(amountFen) => onChange({ amountFen })} />
      )}
      {(r.setting === 'chronic' || (r.diseases?.length ?? 0) > 0) && (
        <Field label={t('diseases')}>
          <Select
            size="small"
            mode="tags"
            aria-label={t('diseases')}
            placeholder={t('diseasesPlaceholder')}
            style={{ minWidth: 180 }}
            tokenSeparators={[',', ' ', '，']}
            value={r.diseases ?? []}
            onChange={(v: string[]) => onChange({ diseases: v.map((s) => s.trim().toUpperCase()) })}
            open={false}
          />
        </Field>
      )}
    </Space>
  );
}
