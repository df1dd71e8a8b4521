import { App, Button, Drawer, InputNumber, Space, Tag } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../web/error-alert.tsx';
import { formatDateTime } from '../../web/format.ts';
import { useT } from '../../web/i18n.ts';
import { DataList } from '../../web/kit/data-list.tsx';
import { useListParams, useListQuery } from '../../web/kit/list-params.ts';
import { Page } from '../../web/page.tsx';
import { matchStudyToRequest, STUDIES_KEY, unmatchedPage, type Study } from './studies.api.ts';
import { studiesMessages } from './studies.i18n.ts';
import { StudyUpload } from './studies.upload.tsx';
import { StudyViewer } from './viewers/study-viewer.tsx';

type Row = Study & { uploadedOrgName: string | null };

/**
 * 待关联检查文件 (issue 12 §2): files whose accession and patient ID matched no request; the
 * centre looks at each (the viewer shows what the file says) and matches it to a request by
 * its number. Guarded by GET /api/remote/studies/unmatched.
 */
export function UnmatchedStudiesPage() {
  const t = useT(studiesMessages);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const list = useListParams({});
  const q = useListQuery([...STUDIES_KEY, 'unmatched'], '/api/remote/studies/unmatched', unmatchedPage, list.params);
  const [viewing, setViewing] = useState<Row | null>(null);
  const [target, setTarget] = useState<Record<number, number | null>>({});

  const match = async (row: Row) => {
    const requestId = target[row.id];
    if (!requestId) return;
    try {
      await matchStudyToRequest(row.id, requestId);
      void message.success(t('matchOk', { id: requestId }));
      void qc.invalidateQueries({ queryKey: STUDIES_KEY });
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  return (
    <Page title={t('unmatchedTitle')}>
      <div style={{ marginBottom: 16 }}>
        <StudyUpload />
      </div>
      <DataList<Row>
        rowKey={(r) => r.id}
        data={q.data}
        loading={q.isFetching && !q.data}
        error={q.isError ? q.error : undefined}
        onRetry={() => void q.refetch()}
        params={list.params}
        onPaging={list.setPaging}
        search={{ placeholder: t('search'), onSearch: (s) => list.setFilter({ q: s }), width: 240 }}
        rowProps={(r) => ({ 'data-study-id': r.id })}
        columns={[
          { key: 'received', title: t('colReceived'), render: (r) => formatDateTime(r.receivedAt), mobile: 'title' },
          {
            key: 'format',
            title: t('colFormat'),
            render: (r) => <Tag>{r.modality ?? r.format.toUpperCase()}</Tag>,
            mobile: 'extra',
          },
          { key: 'file', title: t('colFile'), render: (r) => r.fileName ?? '' },
          { key: 'acc', title: t('colAccession'), render: (r) => r.accessionInFile ?? '' },
          { key: 'pid', title: t('colPatientId'), render: (r) => r.patientIdInFile ?? '' },
          { key: 'name', title: t('colPatientName'), render: (r) => r.patientName ?? '' },
          { key: 'org', title: t('colOrg'), render: (r) => r.uploadedOrgName ?? '' },
          {
            key: 'action',
            title: t('colAction'),
            render: (r) => (
              <Space wrap>
                <Button size="small" onClick={() => setViewing(r)}>
                  {t('view')}
                </Button>
                <InputNumber
                  size="small"
                  min={1}
                  placeholder={t('requestIdLabel')}
                  aria-label={t('requestIdLabel')}
                  value={target[r.id] ?? null}
                  onChange={(v) => setTarget((prev) => ({ ...prev, [r.id]: v }))}
                />
                <Button size="small" type="primary" disabled={!target[r.id]} onClick={() => void match(r)}>
                  {t('matchTo')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Drawer open={viewing !== null} onClose={() => setViewing(null)} size="90vw" title={viewing?.fileName}>
        {viewing && <StudyViewer study={viewing} />}
      </Drawer>
    </Page>
  );
}
