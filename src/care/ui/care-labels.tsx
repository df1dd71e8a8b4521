import { Select, Table } from 'antd';
import { useState } from 'react';
import { useLang, useT } from '../../web/i18n.ts';
import { formatMoney } from '../../web/format.ts';
import type { FeeSummary } from '../care.schema.ts';
import { CATEGORY, careMessages } from './care.i18n.ts';
import { useIcdSearch, useResidentPicker } from './care.api.ts';

export const pick = <K extends string>(map: Record<K, readonly [string, string]>, key: K, lang: string) =>
  map[key][lang === 'zh' ? 0 : 1];

/** ICD-10 by code, name or pinyin initials; several diagnoses, the first is the primary one. */
export function DiagnosisPicker({ value, onChange }: { value?: string[]; onChange?: (v: string[]) => void }) {
  const t = useT(careMessages);
  const [q, setQ] = useState('');
  const hits = useIcdSearch(q);
  return (
    <Select
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={onChange}
      style={{ minWidth: 260, width: '100%' }}
      placeholder={t('diagnosisSearch')}
      aria-label={t('diagnoses')}
      options={(hits.data ?? []).map((h) => ({ value: h.code, label: `${h.code} ${h.name}` }))}
    />
  );
}

export function ResidentPicker({ value, onChange }: { value?: number; onChange?: (v: number) => void }) {
  const t = useT(careMessages);
  const [q, setQ] = useState('');
  const found = useResidentPicker(q);
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={onChange}
      style={{ width: 240 }}
      placeholder={t('residentPlaceholder')}
      aria-label={t('resident')}
      options={(found.data?.items ?? []).map((r) => ({ value: r.id, label: `${r.name}（${r.idNumber}）` }))}
    />
  );
}

export function FeeTable({ fees }: { fees: FeeSummary }) {
  const t = useT(careMessages);
  const lang = useLang();
  return (
    <>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={fees.lines}
        scroll={{ x: 520 }}
        columns={[
          { key: 'item', title: t('item'), render: (_, l) => l.itemName },
          { key: 'cat', title: '', render: (_, l) => pick(CATEGORY, l.category, lang) },
          { key: 'qty', title: t('quantity'), align: 'right', render: (_, l) => l.quantity },
          { key: 'price', title: t('unitPrice'), align: 'right', render: (_, l) => formatMoney(l.unitPriceFen) },
          { key: 'amount', title: t('amount'), align: 'right', render: (_, l) => formatMoney(l.amountFen) },
        ]}
      />
      <div style={{ marginTop: 8 }} data-testid="fee-totals">
        {t('totalsByCategory')}：
        {fees.totals.map((c) => `${pick(CATEGORY, c.category, lang)} ${formatMoney(c.amountFen)}`).join('，') ||
          t('none')}
        {'　'}
        {t('total')} <strong>{formatMoney(fees.totalFen)}</strong>
      </div>
    </>
  );
}
