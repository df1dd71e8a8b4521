import { Drawer } from 'antd';
import { useEffect, useRef } from 'react';

import { useT } from '../../web/i18n.ts';

import { DataList } from '../../web/kit/data-list.tsx';
import { useListParams, useListQuery } from '../../web/kit/list-params.ts';

import { useIsMobile } from '../../web/use-is-mobile.ts';
import { recordPage, type RecordRow } from './figures.api.ts';
import { chronicFiguresMessages } from './figures.i18n.ts';
import { type Caliber, type Cell } from './figures-shared.ts';

const RECORDS = '/api/chronic/figures/records';

export function Records({
  cell,
  year,
  caliber,
  onClose,
}: {
  cell: Cell | null;
  year: number;
  caliber: Caliber;
  onClose: () => void;
}) {
  const t = useT(chronicFiguresMessages);
  const mobile = useIsMobile();
  const list = useListParams({});
  const { setPaging } = list;
  const filter = cell
    ? { figure: cell.figure, disease: cell.disease, part: cell.part, year, caliber, orgId: cell.orgId }
    : null;
  const key = JSON.stringify(filter);
  const shownKey = useRef(key);
  useEffect(() => {
    if (shownKey.current === key) return;
    shownKey.current = key;
    setPaging({ page: 1 });
  }, [key, setPaging]);
  const query = { ...filter, page: list.params.page, pageSize: list.params.pageSize };
  const rows = useListQuery(['chronic-figure-records'], RECORDS, recordPage, query, { enabled: cell !== null });
  return (
    <Drawer
      open={cell !== null}
      onClose={onClose}
      size={mobile ? '100%' : 860}
      title={cell ? t('records', { name: cell.title, part: t(cell.part) }) : ''}
      destroyOnHidden
    >
      <DataList<RecordRow>
        size="small"
        rowKey={(r) => `${r.residentId}-${r.detail ?? ''}`}
        data={rows.data}
        loading={rows.isFetching && !rows.data}
        error={rows.isError ? rows.error : undefined}
        onRetry={() => void rows.refetch()}
        params={list.params}
        onPaging={list.setPaging}
        exportTo={filter ? { url: `${RECORDS}/export`, query: filter } : null}
        rowProps={(r) => ({ 'data-record': r.name })}
        columns={[
          { key: 'name', title: t('resident'), width: 90, mobile: 'title', render: (r) => r.name },
          { key: 'id', title: t('idNumber'), width: 180, mobile: 'extra', render: (r) => r.idNumber },
          { key: 'org', title: t('org'), width: 150, render: (r) => r.orgName },
          { key: 'detail', title: t('detail'), render: (r) => r.detail ?? '' },
        ]}
      />
    </Drawer>
  );
}
