import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Select, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { apiSend } from '../../web/api.ts';
import { useMayCall } from '../../web/current-user.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { formatDate, formatMoney } from '../../web/format.ts';
import { translate, useLang, useT } from '../../web/i18n.ts';
import { DataList } from '../../web/kit/data-list.tsx';
import { DateRangeInput } from '../../web/kit/date-input.tsx';
import { useListParams, useListQuery } from '../../web/kit/list-params.ts';
import { Page } from '../../web/page.tsx';
import { importReport, visitPage, type Visit } from '../out-of-county.schema.ts';

type Filters = { from?: string; to?: string; hospitalLevel?: string; visitType?: string };
import { HOSPITAL_LEVELS, outOfCountyMessages } from './out-of-county.i18n.ts';

/** 县外就诊登记: CSV from the insurance settlement list, checked row by row; rejected rows come back with reasons. */
export function OutOfCountyPage() {
  const t = useT(outOfCountyMessages);
  const lang = useLang();
  const qc = useQueryClient();
  const [csv, setCsv] = useState(() => translate(outOfCountyMessages, 'zh', 'template'));
  const canExport = useMayCall('GET /api/out-of-county-visits/export');
  const list = useListParams<Filters>({}, { inUrl: true });
  const { params } = list;
  const visits = useListQuery(['out-of-county'], '/api/out-of-county-visits', visitPage, params);
  const levelText = (l: string) => HOSPITAL_LEVELS[l]?.[lang === 'zh' ? 0 : 1] ?? l;
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
                // up to 5,000 rejected rows of one import, held in the browser: paged here, not by the server
                pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
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
      <DataList<Visit>
        title={t('registered')}
        size="small"
        rowKey={(v) => v.id}
        data={visits.data}
        loading={visits.isFetching && !visits.data}
        error={visits.isError ? visits.error : undefined}
        onRetry={() => void visits.refetch()}
        params={params}
        onPaging={list.setPaging}
        search={{ placeholder: t('search'), onSearch: (q) => list.setFilter({ q }), width: 180 }}
        filters={
          <>
            <DateRangeInput
              from={params.from}
              to={params.to}
              onChange={(range) => list.setFilter(range)}
              placeholder={[t('from'), t('to')]}
              style={{ width: 260 }}
            />
            <Select
              allowClear
              placeholder={t('level')}
              aria-label={t('level')}
              style={{ width: 120 }}
              value={params.hospitalLevel}
              onChange={(hospitalLevel?: string) => list.setFilter({ hospitalLevel })}
              options={Object.keys(HOSPITAL_LEVELS).map((l) => ({ value: l, label: levelText(l) }))}
            />
            <Select
              allowClear
              placeholder={t('type')}
              aria-label={t('type')}
              style={{ width: 110 }}
              value={params.visitType}
              onChange={(visitType?: string) => list.setFilter({ visitType })}
              options={[
                { value: 'outpatient', label: t('outpatient') },
                { value: 'inpatient', label: t('inpatient') },
              ]}
            />
          </>
        }
        exportTo={canExport ? { url: '/api/out-of-county-visits/export', query: params } : null}
        scrollX={900}
        columns={[
          { key: 'date', title: t('date'), width: 110, sortKey: 'visitDate', render: (v) => formatDate(v.visitDate) },
          { key: 'resident', title: t('resident'), width: 90, mobile: 'title', render: (v) => v.residentName ?? '—' },
          { key: 'hospital', title: t('hospital'), width: 200, sortKey: 'hospitalName', render: (v) => v.hospitalName },
          { key: 'level', title: t('level'), width: 80, render: (v) => levelText(v.hospitalLevel) },
          {
            key: 'type',
            title: t('type'),
            width: 70,
            mobile: 'extra',
            render: (v) => <Tag>{v.visitType === 'inpatient' ? t('inpatient') : t('outpatient')}</Tag>,
          },
          { key: 'diagnosis', title: t('diagnosis'), width: 140, render: (v) => v.diagnosisName ?? '—' },
          {
            key: 'cost',
            title: t('cost'),
            width: 120,
            align: 'right',
            sortKey: 'costFen',
            render: (v) => formatMoney(v.costFen),
          },
        ]}
      />
    </Page>
  );
}
