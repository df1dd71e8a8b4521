import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { z } from 'zod';
import { apiGet, apiSend } from '../../web/api.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { translate, useLang, useT } from '../../web/i18n.ts';
import { Page } from '../../web/page.tsx';
import { importReport, visit } from '../out-of-county.schema.ts';
import { HOSPITAL_LEVELS, outOfCountyMessages } from './out-of-county.i18n.ts';

/** 县外就诊登记: CSV from the insurance settlement list, checked row by row; rejected rows come back with reasons. */
export function OutOfCountyPage() {
  const t = useT(outOfCountyMessages);
  const lang = useLang();
  const qc = useQueryClient();
  const [csv, setCsv] = useState(() => translate(outOfCountyMessages, 'zh', 'template'));
  const visits = useQuery({
    queryKey: ['out-of-county'],
    queryFn: () => apiGet('/api/out-of-county-visits', z.array(visit), { limit: 200 }),
  });
  const run = useMutation({
    mutationFn: () => apiSend('POST', '/api/out-of-county-visits/import', { csv }, importReport),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['out-of-county'] });
    },
  });
  const report = run.data;
  return (
    <Page title={t('title')}>
      <Card size="small" title={t('import')} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t('columns')}</Typography.Paragraph>
        <Upload
          accept=".csv,text/csv"
          showUploadList={false}
          beforeUpload={(file) => {
            void file.text().then(setCsv);
            return false;
          }}
        >
          <Button>{t('chooseFile')}</Button>
        </Upload>
        <Input.TextArea
          style={{ marginTop: 8, fontFamily: 'monospace' }}
          rows={6}
          value={csv}
          onChange={(e) => setCsv(e.target.value)}
          aria-label={t('content')}
        />
        <Button type="primary" style={{ marginTop: 8 }} loading={run.isPending} onClick={() => run.mutate()}>
          {t('run')}
        </Button>
        {run.isError ? <ErrorAlert error={run.error} /> : null}
        {report ? (
          <>
            <Alert
              style={{ marginTop: 8 }}
              type={report.rejected.length ? 'warning' : 'success'}
              showIcon
              title={t('report', {
                total: report.total,
                imported: report.imported,
                duplicates: report.duplicates,
                rejected: report.rejected.length,
              })}
            />
            {report.rejected.length ? (
              <Table
                size="small"
                rowKey="row"
                style={{ marginTop: 8 }}
                pagination={false}
                dataSource={report.rejected}
                data-testid="rejected-rows"
                columns={[
                  { title: t('row'), dataIndex: 'row', width: 70 },
                  { title: t('reasons'), dataIndex: 'reasons', render: (r: string[]) => r.join(t('reasonSeparator')) },
                  { title: t('raw'), dataIndex: 'raw' },
                ]}
              />
            ) : null}
          </>
        ) : null}
      </Card>
      <Card size="small" title={t('registered')}>
        <Table
          size="small"
          rowKey="id"
          loading={visits.isLoading}
          dataSource={visits.data ?? []}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: t('date'), dataIndex: 'visitDate', width: 110 },
            { title: t('resident'), dataIndex: 'residentName', width: 90 },
            { title: t('hospital'), dataIndex: 'hospitalName' },
            {
              title: t('level'),
              dataIndex: 'hospitalLevel',
              width: 80,
              render: (l: string) => HOSPITAL_LEVELS[l]?.[lang === 'zh' ? 0 : 1],
            },
            {
              title: t('type'),
              dataIndex: 'visitType',
              width: 70,
              render: (v: string) => <Tag>{v === 'inpatient' ? t('inpatient') : t('outpatient')}</Tag>,
            },
            { title: t('diagnosis'), dataIndex: 'diagnosisName', width: 140 },
            {
              title: t('cost'),
              dataIndex: 'costFen',
              width: 110,
              render: (f: number | null) => (f === null ? '—' : (f / 100).toFixed(2)),
            },
          ]}
        />
      </Card>
    </Page>
  );
}
