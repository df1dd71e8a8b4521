import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** Title row shared by every page; the extra actions wrap under the title on phones. */
export function Page({ title, extra, children }: { title: ReactNode; extra?: ReactNode; children: ReactNode }) {
  return (
    <div className="oc-page">
      <div className="oc-page-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra ? <div className="oc-page-extra">{extra}</div> : null}
      </div>
      {children}
    </div>
  );
}
