import { Drawer, Select, Space, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { formatDateTime, formatMoney } from '../../web/format.ts';
import { useLang, useT } from '../../web/i18n.ts';
import { DataList } from '../../web/kit/data-list.tsx';
import { useIsMobile } from '../../web/use-is-mobile.ts';
import { useListParams, useListQuery } from '../../web/kit/list-params.ts';
import { figureRecordPage, type CareFigure, type FigureRecord } from '../figures.schema.ts';
import { pick } from './care-labels.tsx';
import { careFigureText, figuresMessages, RECORD_SOURCE } from './figures.i18n.ts';

/** Which cell to open: a figure, a part, a month, and an org or a township (or the whole reach). */
export interface CellRef {
  figure: CareFigure;
  part: 'numerator' | 'denominator';
  month: string;
  orgId?: number;
  townshipId?: number;
  /** the org's or township's name, for the title */
  where?: string;
}

const URL = '/api/care-figures/records';

/** 指标明细: the records one figure cell counted, server-paged, with 导出 Excel of the same rows. */
export function FigureRecords({
  cell,
  months,
  onMonth,
  onClose,
}: {
  cell: CellRef | null;
  months: string[];
  onMonth: (month: string) => void;
  onClose: () => void;
}) {
  const t = useT(figuresMessages);
  const lang = useLang();
  const mobile = useIsMobile();
  const list = useListParams({});
  const { setPaging } = list;
  const filter = cell
    ? { figure: cell.figure.key, part: cell.part, month: cell.month, orgId: cell.orgId, townshipId: cell.townshipId }
    : null;
  const key = JSON.stringify(filter);
  // a new cell starts at page 1 (only when the cell changes: setPaging is a new function after
  // every paging change, so an effect on it alone would page forever)
  const shownKey = useRef(key);
  useEffect(() => {
    if (shownKey.current === key) return;
    shownKey.current = key;
    setPaging({ page: 1 });
  }, [key, setPaging]);
  const query = { ...filter, page: list.params.page, pageSize: list.params.pageSize };
  const rows = useListQuery(['care-figure-records'], URL, figureRecordPage, query, { enabled: cell !== null });
  // a row adds what the numerator adds (a denominator of records adds 1 each)
  const unit = cell?.figure.parts.numerator ?? 'count';
  const name = cell ? careFigureText(cell.figure, lang).label : '';
  return (
    <Drawer
      open={cell !== null}
      onClose={onClose}
      size={mobile ? '100%' : 960}
      title={t('records', { name, part: cell ? t(cell.part) : '' })}
      destroyOnHidden
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('month')}
          style={{ width: 120 }}
          value={cell?.month}
          onChange={onMonth}
          options={months.map((m) => ({ value: m, label: m }))}
        />
        {cell?.where ? <Typography.Text type="secondary">{cell.where}</Typography.Text> : null}
      </Space>
      <DataList<FigureRecord>
        size="small"
        rowKey={(r) => `${r.source}-${r.id}`}
        data={rows.data}
        loading={rows.isFetching && !rows.data}
        error={rows.isError ? rows.error : undefined}
        onRetry={() => void rows.refetch()}
        params={list.params}
        onPaging={list.setPaging}
        exportTo={filter ? { url: `${URL}/export`, query: filter } : null}
        rowProps={(r) => ({ 'data-record': `${r.source}-${r.id}` })}
        columns={[
          {
            key: 'source',
            title: t('recordType'),
            width: 110,
            mobile: 'title',
            render: (r) => pick(RECORD_SOURCE, r.source, lang),
          },
          { key: 'id', title: t('id'), width: 80, mobile: 'extra', render: (r) => r.id },
          { key: 'org', title: t('org'), render: (r) => r.orgName },
          { key: 'at', title: t('at'), width: 150, render: (r) => formatDateTime(r.at) },
          { key: 'resident', title: t('resident'), width: 90, render: (r) => r.residentName ?? '—' },
          { key: 'detail', title: t('detail'), render: (r) => r.detail ?? '' },
          {
            key: 'amount',
            title: t('amount'),
            width: 100,
            align: 'right',
            render: (r) =>
              unit === 'fen' ? formatMoney(r.amount) : unit === 'days' ? `${r.amount} ${t('days')}` : r.amount,
          },
        ]}
      />
    </Drawer>
  );
}
