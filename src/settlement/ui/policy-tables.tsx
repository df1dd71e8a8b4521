import { Button, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { formatMoney, yuanToFen } from '../../web/format.ts';
import { useT } from '../../web/i18n.ts';
import { useIsMobile } from '../../web/use-is-mobile.ts';
import { type RuleInput } from '../settlement.schema.ts';
import { enumWord, settlementAdminMessages } from './settlement-admin.i18n.ts';
import {
  EditPackage,
  EditRule,
  LAYERS,
  LAYER_DEFAULTS,
  LEVELS,
  Layer,
  PERSON_CATS,
  PackageInput,
  ParamEditor,
  PercentInput,
  SCHEMES,
  Setting,
  fenToYuan,
  options,
  paramLines,
  pct,
} from './policy-params.tsx';

export function RulesTable({
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

export function PackagesTable({
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
