import { Card, Space } from 'antd';
import { useMayCall } from '../../web/current-user.ts';
import { useT } from '../../web/i18n.ts';
import { useRequestCriticals } from './criticals.api.ts';
import { CriticalPanel } from './criticals-panel.tsx';
import { CriticalTimeline } from './criticals-timeline.tsx';
import type { RequestDetail } from './remote.api.ts';
import { remoteMessages } from './remote.i18n.ts';
import { StudyUpload } from './studies.upload.tsx';
import { RequestStudies } from './viewers/study-viewer.tsx';

/** The request page's studies (with upload while the centre waits for them) and critical values with their timelines. */
export function RequestExtras({ d }: { d: RequestDetail }) {
  const t = useT(remoteMessages);
  const mayUpload = useMayCall('POST /api/remote/studies');
  const criticals = useRequestCriticals(d.id);
  const receiver = useMayCall('POST /api/remote/criticals/:id/acknowledge');
  const open = ['awaiting_study', 'ready'].includes(d.status);
  return (
    <>
      <Card size="small" title={t('studies')} style={{ marginBottom: 12 }}>
        {mayUpload && open ? (
          <div style={{ marginBottom: 12 }}>
            <StudyUpload requestId={d.id} />
          </div>
        ) : null}
        <RequestStudies requestId={d.id} />
      </Card>
      {criticals.data?.items.length ? (
        <Card size="small" title={t('criticals')} style={{ marginBottom: 12 }}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            {criticals.data.items.map((c) => (
              <CriticalTimeline key={c.id} criticalId={c.id} actions={receiver} />
            ))}
          </Space>
        </Card>
      ) : null}
    </>
  );
}

/** The reading page's viewer: every study of the request, the right viewer for each. */
export function ReadingViewer({ d }: { d: RequestDetail }) {
  const t = useT(remoteMessages);
  const mayUpload = useMayCall('POST /api/remote/studies');
  return (
    <Card size="small" title={t('studies')}>
      <RequestStudies requestId={d.id} />
      {mayUpload && d.studies === 0 ? <StudyUpload requestId={d.id} /> : null}
    </Card>
  );
}

/** The reader's critical-value panel: flag one (a second doctor confirms before it is sent). */
export function ReadingCritical({ d }: { d: RequestDetail }) {
  return (
    <div style={{ marginTop: 12 }}>
      <CriticalPanel requestId={d.id} />
    </div>
  );
}
