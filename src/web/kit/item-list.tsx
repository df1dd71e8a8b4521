import { Empty, Spin } from 'antd';
import type { HTMLAttributes, Key, ReactNode } from 'react';

/**
 * A plain vertical list of cards-in-a-row (waiting patients, tasks, attachments, bookings):
 * the house replacement for antd's `List`, deprecated since antd 6.6. Long, paged lists use
 * DataList (data-list.tsx); this one is for the short lists that arrive whole.
 */
export interface ItemListProps<T> {
  dataSource: readonly T[];
  renderItem: (item: T, index: number) => ReactNode;
  rowKey?: (item: T, index: number) => Key;
  locale?: { emptyText?: ReactNode };
  loading?: boolean;
  size?: 'small' | 'default';
}

export function ItemList<T>({ dataSource, renderItem, rowKey, locale, loading, size }: ItemListProps<T>) {
  const body = dataSource.length ? (
    <ul className={`oc-item-list${size === 'small' ? ' oc-item-list-small' : ''}`}>
      {dataSource.map((item, i) => (
        <li key={rowKey ? rowKey(item, i) : i}>{renderItem(item, i)}</li>
      ))}
    </ul>
  ) : (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={locale?.emptyText} />
  );
  return loading ? <Spin spinning>{body}</Spin> : body;
}

export interface ItemProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  children?: ReactNode;
  /** buttons on the row's right, in order */
  actions?: ReactNode[];
  /** one element at the row's right (after the actions) */
  extra?: ReactNode;
  'data-testid'?: string;
}

function Item({ children, actions, extra, className, ...rest }: ItemProps) {
  return (
    <div className={`oc-item${className ? ` ${className}` : ''}`} {...rest}>
      <div className="oc-item-main">{children}</div>
      {actions?.length ? (
        <ul className="oc-item-actions">
          {actions.map((a, i) => (
            <li key={i}>{a}</li>
          ))}
        </ul>
      ) : null}
      {extra ? <div className="oc-item-extra">{extra}</div> : null}
    </div>
  );
}

ItemList.Item = Item;
