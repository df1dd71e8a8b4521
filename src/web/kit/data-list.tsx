import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Input, Pagination, Select, Skeleton, Space, Table, Tooltip, Typography } from 'antd';
import type { ColumnType, SorterResult } from 'antd/es/table/interface';
import type { HTMLAttributes, KeyboardEvent, ReactNode } from 'react';
import { useState } from 'react';
import { EXPORT_MAX_ROWS, type PageMeta } from '../../platform/list.schema.ts';
import { apiDownload, type Query } from '../api.ts';
import { ErrorAlert, errorMessage } from '../error-alert.tsx';
import { formatCount } from '../format.ts';
import { useT } from '../i18n.ts';
import { useIsMobile } from '../use-is-mobile.ts';
import { kitMessages } from './kit.i18n.ts';
import type { ListParams } from './list-params.ts';

const PAGE_SIZES = [10, 20, 50, 100];

export interface ListColumn<T> {
  key: string;
  title: ReactNode;
  render: (row: T) => ReactNode;
  width?: number;
  align?: 'left' | 'right' | 'center';
  fixed?: 'left' | 'right';
  /** the server's sort key for this column (one of the list's whitelisted keys) */
  sortKey?: string;
  /**
   * On phones each row is a card: 'title' is its heading, 'extra' sits top right, 'hide'
   * leaves the column out, 'plain' shows the value without its label; by default a labelled line.
   */
  mobile?: 'title' | 'extra' | 'hide' | 'plain';
}

export type ListPage<T> = PageMeta & { items: T[] };

export interface DataListProps<T> {
  columns: ReadonlyArray<ListColumn<T> | false | null | undefined>;
  rowKey: (row: T) => string | number;
  data: ListPage<T> | undefined;
  loading?: boolean;
  error?: unknown;
  onRetry?: () => void;
  params: ListParams;
  onPaging: (patch: Partial<Pick<ListParams, 'page' | 'pageSize' | 'sort'>>) => void;
  /** free-text search box (the list's `q`) */
  search?: { placeholder: string; onSearch: (q: string | undefined) => void; width?: number };
  /** filter controls, shown after the search box */
  filters?: ReactNode;
  /** counts shown next to the total (e.g. 待处理 3) */
  summary?: ReactNode;
  /** the list's export endpoint and the current filters: shows 导出 Excel */
  exportTo?: { url: string; query: Query } | null;
  onRowClick?: (row: T) => void;
  /** extra attributes on each row or card (data-* for tests and live updates) */
  rowProps?: (row: T) => Record<string, string | number>;
  empty?: ReactNode;
  /** table width below which it scrolls inside its card (desktop) */
  scrollX?: number;
  title?: ReactNode;
  size?: 'small' | 'middle';
}

/**
 * The list of every page: server-side pages with a total, sortable columns, search and
 * filters, counts and 导出 Excel. Below the phone breakpoint the rows become cards, so a
 * 375 px screen never squeezes a table to one character per column.
 */
export function DataList<T>(props: DataListProps<T>) {
  const mobile = useIsMobile();
  const k = useT(kitMessages);
  const columns = props.columns.filter((c): c is ListColumn<T> => Boolean(c));
  const { data, params } = props;
  const total = data?.total ?? 0;
  const totalText = data ? k('total', { n: `${formatCount(total)}${data.totalCapped ? '+' : ''}` }) : '';
  const header = (
    <div className="oc-list-toolbar">
      <div className="oc-filters oc-list-filters">
        {props.search ? (
          <Input.Search
            key={params.q ?? ''}
            allowClear
            defaultValue={params.q}
            placeholder={props.search.placeholder}
            aria-label={props.search.placeholder}
            style={{ width: props.search.width ?? 240 }}
            onSearch={(v) => props.search?.onSearch(v.trim() || undefined)}
          />
        ) : null}
        {props.filters}
      </div>
      <Space wrap size={[12, 4]} className="oc-list-meta">
        {data ? <Typography.Text type="secondary">{totalText}</Typography.Text> : null}
        {props.summary}
        {props.exportTo ? (
          <ExportButton
            url={props.exportTo.url}
            query={props.exportTo.query}
            tooMany={data ? total > EXPORT_MAX_ROWS || data.totalCapped : false}
            empty={data ? total === 0 : false}
          />
        ) : null}
      </Space>
    </div>
  );
  return (
    <Card size="small" title={props.title} className="oc-list">
      {header}
      {props.error ? <ErrorAlert error={props.error} onRetry={props.onRetry} /> : null}
      {mobile ? <Cards {...props} columns={columns} /> : <DesktopTable {...props} columns={columns} />}
    </Card>
  );
}

function clickable<T>(props: Pick<DataListProps<T>, 'onRowClick'>, row: T): HTMLAttributes<HTMLElement> {
  const open = props.onRowClick;
  if (!open) return {};
  return {
    onClick: () => open(row),
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === 'Enter') open(row);
    },
    tabIndex: 0,
    className: 'oc-clickable-row',
  };
}

function sortOf(sort: string | undefined): { key?: string; order?: 'ascend' | 'descend' } {
  if (!sort) return {};
  return sort.startsWith('-') ? { key: sort.slice(1), order: 'descend' } : { key: sort, order: 'ascend' };
}

type Inner<T> = Omit<DataListProps<T>, 'columns'> & { columns: Array<ListColumn<T>> };

function DesktopTable<T>(props: Inner<T>) {
  const { data, params } = props;
  const current = sortOf(params.sort);
  const columns: Array<ColumnType<T>> = props.columns.map((c) => ({
    key: c.key,
    title: c.title,
    width: c.width,
    align: c.align,
    fixed: c.fixed,
    render: (_: unknown, row: T) => c.render(row),
    ...(c.sortKey
      ? {
          sorter: true,
          sortOrder: current.key === c.sortKey ? current.order : null,
          sortDirections: ['ascend', 'descend'] as Array<'ascend' | 'descend'>,
        }
      : {}),
  }));
  return (
    <Table<T>
      rowKey={props.rowKey}
      size={props.size ?? 'middle'}
      columns={columns}
      dataSource={data?.items ?? []}
      loading={props.loading}
      scroll={props.scrollX ? { x: props.scrollX } : undefined}
      locale={props.empty ? { emptyText: props.empty } : undefined}
      onRow={(row) => ({ ...clickable(props, row), ...props.rowProps?.(row) }) as HTMLAttributes<HTMLElement>}
      pagination={{
        current: params.page,
        pageSize: params.pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: PAGE_SIZES,
      }}
      onChange={(pagination, _filters, sorter) => {
        const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<T> | undefined;
        const column = props.columns.find((c) => c.key === s?.columnKey);
        const sort = s?.order && column?.sortKey ? `${s.order === 'descend' ? '-' : ''}${column.sortKey}` : undefined;
        const pageSize = pagination.pageSize ?? params.pageSize;
        const sortChanged = sort !== params.sort;
        props.onPaging({
          sort,
          pageSize,
          page: sortChanged || pageSize !== params.pageSize ? 1 : (pagination.current ?? 1),
        });
      }}
    />
  );
}

function Cards<T>(props: Inner<T>) {
  const { data, params } = props;
  const sortable = props.columns.filter((c) => c.sortKey);
  const title = props.columns.filter((c) => c.mobile === 'title');
  const extra = props.columns.filter((c) => c.mobile === 'extra');
  const lines = props.columns.filter((c) => !c.mobile || c.mobile === 'plain');
  const k = useT(kitMessages);
  if (!data && props.loading) return <Skeleton active />;
  return (
    <div className="oc-list-cards">
      {sortable.length ? (
        <Select
          size="small"
          allowClear
          placeholder={k('sort')}
          aria-label={k('sort')}
          value={params.sort}
          style={{ width: 180, marginBottom: 8 }}
          onChange={(sort?: string) => props.onPaging({ sort, page: 1 })}
          options={sortable.flatMap((c) => [
            { value: c.sortKey, label: `${String(c.title)} ↑` },
            { value: `-${c.sortKey}`, label: `${String(c.title)} ↓` },
          ])}
        />
      ) : null}
      {data && data.items.length === 0 ? (props.empty ?? <Empty />) : null}
      {(data?.items ?? []).map((row) => (
        <div
          key={props.rowKey(row)}
          {...clickable(props, row)}
          {...props.rowProps?.(row)}
          className={`oc-list-card${props.onRowClick ? ' oc-clickable-row' : ''}`}
        >
          {title.length || extra.length ? (
            <div className="oc-list-card-head">
              <div className="oc-list-card-title">
                {title.map((c) => (
                  <span key={c.key}>{c.render(row)}</span>
                ))}
              </div>
              {extra.length ? (
                <div className="oc-list-card-extra">
                  {extra.map((c) => (
                    <span key={c.key}>{c.render(row)}</span>
                  ))}
                </div>
              ) : null}
            </div>
          ) : null}
          {lines.map((c) =>
            c.mobile === 'plain' ? (
              <div key={c.key} className="oc-list-card-plain">
                {c.render(row)}
              </div>
            ) : (
              <div key={c.key} className="oc-list-card-line">
                <span className="oc-list-card-label">{c.title}</span>
                <span className="oc-list-card-value">{c.render(row)}</span>
              </div>
            ),
          )}
        </div>
      ))}
      {data && data.total > data.pageSize ? (
        <Pagination
          simple
          size="small"
          align="center"
          style={{ marginTop: 12 }}
          current={params.page}
          pageSize={params.pageSize}
          total={data.total}
          onChange={(page) => props.onPaging({ page })}
        />
      ) : null}
    </div>
  );
}

/** 导出 Excel: every row of the current filter, as the server masks it for this user's role. */
export function ExportButton({
  url,
  query,
  tooMany,
  empty,
}: {
  url: string;
  query: Query;
  tooMany?: boolean;
  empty?: boolean;
}) {
  const { message } = App.useApp();
  const k = useT(kitMessages);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const { page: _page, pageSize: _size, ...filters } = query;
      const name = await apiDownload(url, filters);
      void message.success(k('exported', { name }));
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const button = (
    <Button icon={<DownloadOutlined />} loading={busy} disabled={tooMany || empty} onClick={() => void run()}>
      {k('exportExcel')}
    </Button>
  );
  if (tooMany)
    return (
      <Tooltip title={k('exportTooMany', { n: formatCount(EXPORT_MAX_ROWS) })}>
        <span>{button}</span>
      </Tooltip>
    );
  return button;
}
