import { Empty, Table } from 'antd';
import type { ReactNode } from 'react';
import { useIsMobile } from '../../web/use-is-mobile.ts';

export interface RowColumn<T> {
  key: string;
  title: ReactNode;
  render: (row: T) => ReactNode;
  width?: number;
  align?: 'left' | 'right' | 'center';
  /** on phones: the card's heading, its top-right corner, hidden, or a labelled line (default) */
  mobile?: 'title' | 'extra' | 'hide' | 'actions';
}

/**
 * A short, unpaged list: a table on a PC, cards on a phone (a 375 px screen never squeezes a
 * table). Uses the same card classes as the kit's DataList.
 */
export function Rows<T>({
  rows,
  columns,
  rowKey,
  empty,
  rowProps,
}: {
  rows: T[];
  columns: Array<RowColumn<T>>;
  rowKey: (row: T) => string | number;
  empty?: ReactNode;
  rowProps?: (row: T) => Record<string, string | number>;
}) {
  const mobile = useIsMobile();
  if (!mobile)
    return (
      <Table<T>
        size="small"
        rowKey={rowKey}
        pagination={false}
        dataSource={rows}
        locale={empty ? { emptyText: empty } : undefined}
        onRow={(r) => rowProps?.(r) ?? {}}
        columns={columns.map((c) => ({
          key: c.key,
          title: c.title,
          width: c.width,
          align: c.align,
          render: (_: unknown, r: T) => c.render(r),
        }))}
      />
    );
  if (rows.length === 0) return <>{empty ?? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}</>;
  const title = columns.filter((c) => c.mobile === 'title');
  const extra = columns.filter((c) => c.mobile === 'extra');
  const actions = columns.filter((c) => c.mobile === 'actions');
  const lines = columns.filter((c) => !c.mobile);
  return (
    <div className="oc-list-cards">
      {rows.map((r) => (
        <div key={rowKey(r)} className="oc-list-card" {...rowProps?.(r)}>
          <div className="oc-list-card-head">
            <div className="oc-list-card-title">
              {title.map((c) => (
                <span key={c.key}>{c.render(r)}</span>
              ))}
            </div>
            {extra.length ? (
              <div className="oc-list-card-extra">
                {extra.map((c) => (
                  <span key={c.key}>{c.render(r)}</span>
                ))}
              </div>
            ) : null}
          </div>
          {lines.map((c) => (
            <div key={c.key} className="oc-list-card-line">
              <span className="oc-list-card-label">{c.title}</span>
              <span className="oc-list-card-value">{c.render(r)}</span>
            </div>
          ))}
          {actions.map((c) => (
            <div key={c.key} style={{ marginTop: 8 }}>
              {c.render(r)}
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
