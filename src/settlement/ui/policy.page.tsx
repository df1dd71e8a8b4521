import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState, type ReactNode } from 'react';
import type { z } from 'zod';
import { apiGet, apiSend } from '../../web/api.ts';
import { useMayCall } from '../../web/current-user.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { applyServerError, validateWith } from '../../web/form-errors.ts';
import { formatDateTime, formatMoney, todayShanghai, yuanToFen } from '../../web/format.ts';
import { useT, type Translate } from '../../web/i18n.ts';
import { DateInput } from '../../web/kit/date-input.tsx';
import { Page } from '../../web/page.tsx';
import { useIsMobile } from '../../web/use-is-mobile.ts';
import { packageInput, policyDraftCreate, policyVersionSave, type RuleInput } from '../settlement.schema.ts';
import {
  policyVersionDetail,
  policyVersions,
  type PolicyPackage,
  type PolicyRule,
  type PolicyVersion,
  type PolicyVersionDetail,
} from './settlement-admin.api.ts';
import { enumWord, settlementAdminMessages } from './settlement-admin.i18n.ts';

type T = Translate<typeof settlementAdminMessages>;
type PackageInput = z.input<typeof packageInput>;
type EditRule = RuleInput & { key: string };
type EditPackage = PackageInput & { key: string };
type Setting = RuleInput['setting'];
type Layer = RuleInput['layer'];

const SETTINGS: Setting[] = ['inpatient', 'outpatient', 'chronic'];
const SCHEMES: RuleInput['scheme'][] = ['resident', 'employee'];
const PERSON_CATS: RuleInput['personCat'][] = ['*', 'poor', 'low_income', 'extreme_poor', 'general'];
const LAYERS: Layer[] = ['basic', 'serious', 'supplementary', 'assistance', 'doudi', 'deposit'];
const LEVELS: RuleInput['hospLevel'][] = ['*', 'primary', 'county', 'city', 'province'];

/** which parameters a layer uses (calc.ts); the others are not sent on save */
const USES: Record<Layer, ReadonlyArray<keyof RuleInput>> = {
  basic: ['deductibleFen', 'deductiblePer', 'ratioBp', 'annualCapFen'],
  serious: ['thresholdFen', 'tiers', 'annualCapFen'],
  supplementary: ['thresholdFen', 'ratioBp', 'annualCapFen'],
  assistance: ['thresholdFen', 'ratioBp', 'annualCapFen'],
  doudi: ['capFen', 'capScope', 'capPeriod'],
  deposit: ['amountFen'],
};
const PARAMS: ReadonlyArray<keyof RuleInput> = [
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
const LAYER_DEFAULTS: Record<Layer, Partial<RuleInput>> = {
  basic: { deductiblePer: 'stay' },
  serious: { tiers: [{ uptoFen: null, ratioBp: 6000 }] },
  supplementary: {},
  assistance: {},
  doudi: { capScope: 'compliant', capPeriod: 'year' },
  deposit: {},
};

let seq = 0;
const newKey = () => `k${++seq}`;

/** `60%`, `62.5%` from basis points */
const pct = (bp: number | null | undefined) => (bp == null ? '—' : `${Number((bp / 100).toFixed(2))}%`);
/** `¥50,000` for whole yuan (tier bounds), else with fen */
const yuanShort = (fen: number) => (fen % 100 === 0 ? formatMoney(fen).replace(/\.00$/, '') : formatMoney(fen));
const fenToYuan = (fen: number | null | undefined) => (fen == null ? null : fen / 100);
const bpToPct = (bp: number | null | undefined) => (bp == null ? null : bp / 100);
const pctToBp = (v: number | null | undefined) => (v == null ? null : Math.round(v * 100));

function toRuleInput(r: PolicyRule): EditRule {
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

function toPackageInput(p: PolicyPackage): EditPackage {
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
function paramLines(r: RuleInput, t: T): string[] {
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
function ruleBody({ key: _key, ...r }: EditRule): RuleInput {
  const out: RuleInput = { ...r };
  for (const p of PARAMS) if (!USES[r.layer].includes(p)) (out as Record<string, unknown>)[p] = null;
  if (!out.diseases?.length) out.diseases = null;
  if (!out.docRef?.trim()) out.docRef = null;
  return out;
}

function options<V extends string>(values: readonly V[], word: (v: V) => string) {
  return values.map((v) => ({ value: v, label: word(v) }));
}

/** one labelled input in the parameters cell */
function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Space size={4} wrap={false}>
      <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
        {label}
      </Typography.Text>
      {children}
    </Space>
  );
}

function YuanInput({
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

function PercentInput({
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
function ParamEditor({ r, onChange }: { r: EditRule; onChange: (patch: Partial<RuleInput>) => void }) {
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

function RulesTable({
  setting,
  rules,
  editing,
  onChange,
  onDelete,
  onAdd,
}: {
  setting: Setting;
  rules: EditRule[];
  editing: boolean;
  onChange: (key: string, patch: Partial<RuleInput>) => void;
  onDelete: (key: string) => void;
  onAdd: () => void;
}) {
  const t = useT(settlementAdminMessages);
  const mobile = useIsMobile();
  const word = (kind: Parameters<typeof enumWord>[1]) => (v: string) => enumWord(t, kind, v);
  const select = <K extends 'scheme' | 'personCat' | 'layer' | 'hospLevel'>(
    field: K,
    values: readonly RuleInput[K][],
    width: number,
  ) => ({
    render: (_: unknown, r: EditRule) =>
      editing ? (
        <Select
          size="small"
          aria-label={t(field)}
          style={{ width }}
          value={r[field]}
          onChange={(v: RuleInput[K]) =>
            onChange(r.key, field === 'layer' ? { layer: v as Layer, ...LAYER_DEFAULTS[v as Layer] } : { [field]: v })
          }
          options={options(values, word(field))}
        />
      ) : (
        word(field)(r[field])
      ),
  });
  const columns: ColumnsType<EditRule> = [
    { title: t('scheme'), key: 'scheme', width: editing ? 120 : 90, ...select('scheme', SCHEMES, 104) },
    { title: t('personCat'), key: 'personCat', width: editing ? 160 : 130, ...select('personCat', PERSON_CATS, 144) },
    { title: t('layer'), key: 'layer', width: editing ? 140 : 110, ...select('layer', LAYERS, 124) },
    { title: t('hospLevel'), key: 'hospLevel', width: editing ? 110 : 80, ...select('hospLevel', LEVELS, 94) },
    {
      title: t('params'),
      key: 'params',
      width: editing ? 400 : 300,
      render: (_, r) =>
        editing ? (
          <ParamEditor r={r} onChange={(patch) => onChange(r.key, patch)} />
        ) : (
          paramLines(r, t).map((line, i) => (
            <div key={i} style={{ whiteSpace: 'nowrap' }}>
              {line}
            </div>
          ))
        ),
    },
    {
      title: t('docRef'),
      key: 'docRef',
      width: 180,
      render: (_, r) =>
        editing ? (
          <Input
            size="small"
            aria-label={t('docRef')}
            maxLength={200}
            value={r.docRef ?? ''}
            onChange={(e) => onChange(r.key, { docRef: e.target.value })}
          />
        ) : (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.docRef}
          </Typography.Text>
        ),
    },
    ...(editing
      ? [
          {
            title: '',
            key: 'delete',
            width: 64,
            render: (_: unknown, r: EditRule) => (
              <Button size="small" type="link" danger onClick={() => onDelete(r.key)}>
                {t('delete')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  // a phone shows each rule as one cell: what it applies to, then its parameters
  const phoneColumns: ColumnsType<EditRule> = [
    {
      title: t('params'),
      key: 'rule',
      render: (_, r) => (
        <>
          <Typography.Text strong>{enumWord(t, 'layer', r.layer)}</Typography.Text>
          <Typography.Text type="secondary">
            {' · '}
            {[
              enumWord(t, 'hospLevel', r.hospLevel),
              enumWord(t, 'personCat', r.personCat),
              enumWord(t, 'scheme', r.scheme),
            ].join(' · ')}
          </Typography.Text>
          {paramLines(r, t).map((line, i) => (
            <div key={i}>{line}</div>
          ))}
          {r.docRef ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('docRef')} {r.docRef}
            </Typography.Text>
          ) : null}
        </>
      ),
    },
  ];
  const phone = mobile && !editing;
  return (
    <div style={{ marginBottom: 16 }}>
      <Space style={{ marginBottom: 8 }} wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {enumWord(t, 'setting', setting)}
        </Typography.Title>
        <Typography.Text type="secondary">{t('rulesCount', { n: rules.length })}</Typography.Text>
        {editing ? (
          <Button size="small" onClick={onAdd}>
            {t('addRule')}
          </Button>
        ) : null}
      </Space>
      <Table<EditRule>
        size="small"
        rowKey="key"
        dataSource={rules}
        columns={phone ? phoneColumns : columns}
        pagination={false}
        scroll={phone ? undefined : { x: editing ? 1200 : 860 }}
        locale={{ emptyText: t('noRules') }}
        data-setting={setting}
      />
    </div>
  );
}

function PackagesTable({
  packages,
  editing,
  onChange,
  onDelete,
  onAdd,
}: {
  packages: EditPackage[];
  editing: boolean;
  onChange: (key: string, patch: Partial<PackageInput>) => void;
  onDelete: (key: string) => void;
  onAdd: () => void;
}) {
  const t = useT(settlementAdminMessages);
  const mobile = useIsMobile();
  const columns: ColumnsType<EditPackage> = [
    {
      title: t('code'),
      key: 'code',
      width: 130,
      render: (_, p) =>
        editing ? (
          <Input
            size="small"
            aria-label={t('code')}
            value={p.code}
            onChange={(e) => onChange(p.key, { code: e.target.value.toUpperCase() })}
          />
        ) : (
          <span className="oc-mono">{p.code}</span>
        ),
    },
    {
      title: t('diseaseName'),
      key: 'diseaseName',
      width: 160,
      render: (_, p) =>
        editing ? (
          <Input
            size="small"
            aria-label={t('diseaseName')}
            value={p.diseaseName}
            onChange={(e) => onChange(p.key, { diseaseName: e.target.value })}
          />
        ) : (
          <>
            {p.diseaseName}
            {p.orgId != null ? <Tag style={{ marginLeft: 4 }}>{t('orgOnly', { id: p.orgId })}</Tag> : null}
          </>
        ),
    },
    {
      title: t('icdPrefixes'),
      key: 'icd',
      width: 180,
      render: (_, p) =>
        editing ? (
          <Select
            size="small"
            mode="tags"
            open={false}
            aria-label={t('icdPrefixes')}
            style={{ width: '100%' }}
            tokenSeparators={[',', ' ', '，']}
            value={p.icdPrefixes}
            onChange={(v: string[]) => onChange(p.key, { icdPrefixes: v.map((s) => s.trim().toUpperCase()) })}
          />
        ) : (
          <span className="oc-mono">{p.icdPrefixes.join(', ')}</span>
        ),
    },
    {
      title: t('hospLevel'),
      key: 'hospLevel',
      width: 110,
      render: (_, p) =>
        editing ? (
          <Select
            size="small"
            aria-label={t('hospLevel')}
            style={{ width: 94 }}
            value={p.hospLevel}
            onChange={(hospLevel: PackageInput['hospLevel']) => onChange(p.key, { hospLevel })}
            options={options(LEVELS, (v) => enumWord(t, 'hospLevel', v))}
          />
        ) : (
          enumWord(t, 'hospLevel', p.hospLevel)
        ),
    },
    {
      title: t('fixedPrice'),
      key: 'price',
      width: 140,
      align: 'right',
      render: (_, p) =>
        editing ? (
          <InputNumber
            size="small"
            aria-label={t('fixedPrice')}
            prefix="¥"
            min={0}
            precision={2}
            style={{ width: 124 }}
            value={fenToYuan(p.fixedPriceFen)}
            onChange={(v) => onChange(p.key, { fixedPriceFen: yuanToFen(v) ?? 0 })}
          />
        ) : (
          formatMoney(p.fixedPriceFen)
        ),
    },
    {
      title: t('patientShare'),
      key: 'share',
      width: 120,
      align: 'right',
      render: (_, p) =>
        editing ? (
          <PercentInput
            label={t('patientShare')}
            bp={p.patientShareBp}
            onChange={(bp) => onChange(p.key, { patientShareBp: bp ?? 0 })}
          />
        ) : (
          pct(p.patientShareBp)
        ),
    },
    ...(editing
      ? [
          {
            title: '',
            key: 'delete',
            width: 64,
            render: (_: unknown, p: EditPackage) => (
              <Button size="small" type="link" danger onClick={() => onDelete(p.key)}>
                {t('delete')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <div>
      <Space style={{ marginBottom: 8 }} wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('packages')}
        </Typography.Title>
        {editing ? (
          <Button size="small" onClick={onAdd}>
            {t('addPackage')}
          </Button>
        ) : null}
      </Space>
      <Table<EditPackage>
        size="small"
        rowKey="key"
        dataSource={packages}
        columns={columns}
        pagination={false}
        scroll={{ x: editing || mobile ? 860 : undefined }}
        locale={{ emptyText: t('noPackages') }}
      />
    </div>
  );
}

interface Header {
  title: string;
  effectiveFrom: string;
  docRef: string;
}

/** a version: its header, rules by setting and packages; a draft is edited in place by the administrator */
function VersionView({
  v,
  canEdit,
  inForce,
  versions,
}: {
  v: PolicyVersionDetail;
  canEdit: boolean;
  inForce: boolean;
  versions: PolicyVersion[];
}) {
  const t = useT(settlementAdminMessages);
  const qc = useQueryClient();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Header>();
  const initial = useMemo(
    () => ({ rules: v.rules.map(toRuleInput), packages: v.packages.map(toPackageInput) }),
    [v.rules, v.packages],
  );
  const [rules, setRules] = useState<EditRule[]>(initial.rules);
  const [packages, setPackages] = useState<EditPackage[]>(initial.packages);
  const [headerDirty, setHeaderDirty] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const editing = canEdit && v.status === 'draft';
  const strip = (xs: Array<{ key: string }>) => JSON.stringify(xs.map(({ key: _k, ...x }) => x));
  const dirty = headerDirty || strip(rules) !== strip(initial.rules) || strip(packages) !== strip(initial.packages);

  const done = (saved: PolicyVersionDetail) => {
    qc.setQueryData(['settlement-policy-version', saved.id], saved);
    void qc.invalidateQueries({ queryKey: ['settlement-policy-versions'] });
  };
  const save = useMutation({
    mutationFn: (body: z.output<typeof policyVersionSave>) =>
      apiSend('PUT', `/api/settlement/policy/versions/${v.id}`, body, policyVersionDetail),
    onSuccess: (saved) => {
      setError(null);
      void message.success(t('saved'));
      done(saved);
    },
    onError: (err) => {
      if (!applyServerError(form, err, ['title', 'effectiveFrom', 'docRef'])) setError(err);
    },
  });
  const publish = useMutation({
    mutationFn: () => apiSend('POST', `/api/settlement/policy/versions/${v.id}/publish`, {}, policyVersionDetail),
    onSuccess: (saved) => {
      setError(null);
      void message.success(t('publishedOk'));
      done(saved);
    },
    onError: setError,
  });

  const onSave = () => {
    const header = form.getFieldsValue();
    const body = { ...header, rules: rules.map(ruleBody), packages: packages.map(({ key: _k, ...p }) => p) };
    const parsed = policyVersionSave.safeParse(body);
    if (!parsed.success) {
      validateWith(form, policyVersionSave.pick({ title: true, effectiveFrom: true, docRef: true }), header);
      const issue = parsed.error.issues[0];
      const [where, index] = issue.path;
      let prefix = '';
      if (where === 'rules' && typeof index === 'number') {
        const r = rules[index];
        const n = rules.filter((x) => x.setting === r.setting).indexOf(r) + 1;
        prefix = t('rulePos', { setting: enumWord(t, 'setting', r.setting), n });
      } else if (where === 'packages' && typeof index === 'number') prefix = t('packagePos', { n: index + 1 });
      if (prefix || where === 'rules' || where === 'packages') setError(new Error(prefix + issue.message));
      return;
    }
    save.mutate(parsed.data);
  };
  const onPublish = () => {
    void modal.confirm({
      title: t('publishConfirmTitle', { title: v.title }),
      content: t('publishConfirmBody', { date: v.effectiveFrom }),
      okText: t('publish'),
      cancelText: t('cancel'),
      okButtonProps: { danger: true },
      onOk: () => publish.mutateAsync().catch(() => undefined),
    });
  };

  const patchRule = (key: string, patch: Partial<RuleInput>) =>
    setRules((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const addRule = (setting: Setting) =>
    setRules((rs) => [
      ...rs,
      {
        key: newKey(),
        scheme: 'resident',
        personCat: '*',
        setting,
        layer: 'basic',
        hospLevel: '*',
        ...LAYER_DEFAULTS.basic,
      },
    ]);
  const basedOn = versions.find((x) => x.id === v.basedOn);

  return (
    <Card
      size="small"
      data-version-id={v.id}
      title={
        <Space wrap size={4}>
          <span>{t('versionNo', { n: v.versionNo })}</span>
          <Tag color={v.status === 'published' ? 'green' : 'gold'}>
            {v.status === 'published' ? t('published') : t('draft')}
          </Tag>
          {inForce ? <Tag color="blue">{t('inForce')}</Tag> : null}
          {v.demo ? <Tag color="orange">{t('demo')}</Tag> : null}
          {editing && dirty ? <Tag color="red">{t('dirty')}</Tag> : null}
        </Space>
      }
      extra={
        editing ? (
          <Space wrap size={4}>
            {dirty ? (
              <Button
                size="small"
                onClick={() => {
                  setRules(initial.rules);
                  setPackages(initial.packages);
                  form.resetFields();
                  setHeaderDirty(false);
                  setError(null);
                }}
              >
                {t('reset')}
              </Button>
            ) : null}
            <Button size="small" type="primary" loading={save.isPending} disabled={!dirty} onClick={onSave}>
              {t('save')}
            </Button>
            <Button
              size="small"
              danger
              loading={publish.isPending}
              disabled={dirty}
              title={dirty ? t('saveFirst') : undefined}
              onClick={onPublish}
            >
              {t('publish')}
            </Button>
          </Space>
        ) : null
      }
    >
      {error ? <ErrorAlert error={error} /> : null}
      {v.status === 'published' ? (
        <Alert type="info" showIcon title={t('frozenNote')} style={{ marginBottom: 12 }} />
      ) : editing ? (
        <Alert type="warning" showIcon title={t('draftNote')} style={{ marginBottom: 12 }} />
      ) : (
        <Alert type="info" showIcon title={t('readOnlyNote')} style={{ marginBottom: 12 }} />
      )}
      {editing ? (
        <Form<Header>
          form={form}
          layout="vertical"
          initialValues={{ title: v.title, effectiveFrom: v.effectiveFrom, docRef: v.docRef }}
          onValuesChange={() => setHeaderDirty(true)}
        >
          <Row gutter={12}>
            <Col xs={24} md={8}>
              <Form.Item name="title" label={t('versionTitle')}>
                <Input maxLength={80} />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="effectiveFrom" label={t('effectiveFrom')}>
                <DateInput allowClear={false} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item name="docRef" label={t('docRef')}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      ) : (
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          style={{ marginBottom: 12 }}
          items={[
            { key: 'title', label: t('versionTitle'), children: v.title },
            { key: 'from', label: t('effectiveFrom'), children: v.effectiveFrom },
            { key: 'doc', label: t('docRef'), children: v.docRef },
            ...(v.publishedAt ? [{ key: 'at', label: t('publishedAt'), children: formatDateTime(v.publishedAt) }] : []),
            ...(basedOn
              ? [
                  {
                    key: 'base',
                    label: t('basedOn'),
                    children: `${t('versionNo', { n: basedOn.versionNo })} ${basedOn.title}`,
                  },
                ]
              : []),
          ]}
        />
      )}
      {SETTINGS.map((s) => (
        <RulesTable
          key={s}
          setting={s}
          rules={rules.filter((r) => r.setting === s)}
          editing={editing}
          onChange={patchRule}
          onDelete={(key) => setRules((rs) => rs.filter((r) => r.key !== key))}
          onAdd={() => addRule(s)}
        />
      ))}
      <PackagesTable
        packages={packages}
        editing={editing}
        onChange={(key, patch) => setPackages((ps) => ps.map((p) => (p.key === key ? { ...p, ...patch } : p)))}
        onDelete={(key) => setPackages((ps) => ps.filter((p) => p.key !== key))}
        onAdd={() =>
          setPackages((ps) => [
            ...ps,
            {
              key: newKey(),
              code: '',
              diseaseName: '',
              icdPrefixes: [],
              hospLevel: '*',
              orgId: null,
              fixedPriceFen: 0,
              patientShareBp: 0,
              docRef: null,
            },
          ])
        }
      />
    </Card>
  );
}

/** 新建版本: a draft copied from a version (the selected one by default) */
function NewVersionModal({
  open,
  versions,
  basedOn,
  onClose,
  onCreated,
}: {
  open: boolean;
  versions: PolicyVersion[];
  basedOn: number | null;
  onClose: () => void;
  onCreated: (id: number) => void;
}) {
  const t = useT(settlementAdminMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const create = useMutation({
    mutationFn: (body: z.output<typeof policyDraftCreate>) =>
      apiSend('POST', '/api/settlement/policy/versions', body, policyVersionDetail),
    onSuccess: (v) => {
      void message.success(t('created'));
      form.resetFields();
      setError(null);
      onCreated(v.id);
    },
    onError: (err) => {
      if (!applyServerError(form, err, ['basedOn', 'title', 'effectiveFrom', 'docRef'])) setError(err);
    },
  });
  const submit = async () => {
    const values: unknown = { basedOn: null, ...(await form.getFieldsValue()) };
    const body = validateWith(form, policyDraftCreate, values);
    if (body) create.mutate(body);
  };
  return (
    <Modal
      open={open}
      title={t('newVersion')}
      okText={t('create')}
      cancelText={t('cancel')}
      confirmLoading={create.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('newVersionHint')}</Typography.Paragraph>
      {error ? <ErrorAlert error={error} /> : null}
      <Form form={form} layout="vertical" preserve={false} initialValues={{ basedOn, effectiveFrom: todayShanghai() }}>
        <Form.Item name="basedOn" label={t('basedOn')}>
          <Select
            options={[
              ...versions.map((v) => ({ value: v.id, label: `${t('versionNo', { n: v.versionNo })} ${v.title}` })),
              { value: null, label: t('blankVersion') },
            ]}
          />
        </Form.Item>
        <Form.Item name="title" label={t('versionTitle')}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="effectiveFrom" label={t('effectiveFrom')}>
          <DateInput allowClear={false} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="docRef" label={t('docRef')}>
          <Input.TextArea maxLength={200} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function VersionCard({
  v,
  inForce,
  selected,
  onSelect,
}: {
  v: PolicyVersion;
  inForce: boolean;
  selected: boolean;
  onSelect: () => void;
}) {
  const t = useT(settlementAdminMessages);
  return (
    <Card
      size="small"
      hoverable
      onClick={onSelect}
      data-version-id={v.id}
      style={{ marginBottom: 8, ...(selected ? { borderColor: '#1668dc', boxShadow: '0 0 0 1px #1668dc' } : {}) }}
    >
      <Space wrap size={4} style={{ marginBottom: 4 }}>
        <Typography.Text strong>{t('versionNo', { n: v.versionNo })}</Typography.Text>
        <Tag color={v.status === 'published' ? 'green' : 'gold'}>
          {v.status === 'published' ? t('published') : t('draft')}
        </Tag>
        {inForce ? <Tag color="blue">{t('inForce')}</Tag> : null}
        {v.demo ? <Tag color="orange">{t('demo')}</Tag> : null}
      </Space>
      <div>{v.title}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('effectiveFrom')} {v.effectiveFrom}
      </Typography.Text>
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: v.docRef }}>
          {t('docRef')} {v.docRef}
        </Typography.Text>
      </div>
    </Card>
  );
}

/** 医保结算政策参数: versions (draft → published, frozen), their rules by setting and per-case packages. */
export function SettlementPolicyPage() {
  const t = useT(settlementAdminMessages);
  const qc = useQueryClient();
  const canEdit = useMayCall('PUT /api/settlement/policy/versions/:id');
  const canCreate = useMayCall('POST /api/settlement/policy/versions');
  const [picked, setPicked] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const list = useQuery({
    queryKey: ['settlement-policy-versions'],
    queryFn: () => apiGet('/api/settlement/policy/versions', policyVersions),
  });
  const items = list.data?.items ?? [];
  const inForceId = list.data?.inForceId ?? null;
  const selectedId = picked ?? inForceId ?? items[0]?.id ?? null;
  const detail = useQuery({
    queryKey: ['settlement-policy-version', selectedId],
    queryFn: () => apiGet(`/api/settlement/policy/versions/${selectedId}`, policyVersionDetail),
    enabled: selectedId !== null,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

  return (
    <Page
      title={t('policyTitle')}
      extra={
        canCreate ? (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('newVersion')}
          </Button>
        ) : null
      }
    >
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={6} xxl={4}>
          <Typography.Title level={5}>{t('versions')}</Typography.Title>
          {list.data && items.length === 0 ? <Empty description={t('noVersions')} /> : null}
          {items.map((v) => (
            <VersionCard
              key={v.id}
              v={v}
              inForce={v.id === inForceId}
              selected={v.id === selectedId}
              onSelect={() => setPicked(v.id)}
            />
          ))}
        </Col>
        <Col xs={24} lg={18} xxl={20}>
          {detail.isError ? <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} /> : null}
          {detail.data ? (
            <VersionView
              key={`${detail.data.id}:${detail.dataUpdatedAt}`}
              v={detail.data}
              canEdit={canEdit}
              inForce={detail.data.id === inForceId}
              versions={items}
            />
          ) : detail.isLoading ? (
            <Card loading size="small" />
          ) : list.data && items.length > 0 ? (
            <Empty description={t('pickVersion')} />
          ) : null}
        </Col>
      </Row>
      <NewVersionModal
        open={creating}
        versions={items}
        basedOn={selectedId}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          setPicked(id);
          void qc.invalidateQueries({ queryKey: ['settlement-policy-versions'] });
        }}
      />
    </Page>
  );
}
