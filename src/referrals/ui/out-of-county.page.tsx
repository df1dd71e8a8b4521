import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Select, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { apiSend } from '../../web/api.ts';
import { useMayCall } from '../../web/current-user.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { formatDate, formatMoney } from '../../web/format.ts';
import { DataList } from '../../web/kit/data-list.tsx';
import { DateRangeInput } from '../../web/kit/date-input.tsx';
import { useListParams, useListQuery } from '../../web/kit/list-params.ts';
import { Page } from '../../web/page.tsx';
import { HOSPITAL_LEVELS, importReport, visitPage, type Visit } from '../out-of-county.schema.ts';

const LEVELS: Record<Visit['hospitalLevel'], string> = {
  national: '国家级',
  provincial: '省级',
  city: '市级',
  other_county: '外县',
};
type Filters = { from?: string; to?: string; hospitalLevel?: string; visitType?: string };
const TEMPLATE = '身份证号,就诊日期,医院名称,医院级别,就诊类型,诊断编码,费用(元),原因\n';

/** 县外就诊登记: CSV from the insurance settlement list, checked row by row; rejected rows come back with reasons. */
export function OutOfCountyPage() {
  const qc = useQueryClient();
  const [csv, setCsv] = useState(TEMPLATE);
  const canExport = useMayCall('GET /api/out-of-county-visits/export');
  const list = useListParams<Filters>({}, { inUrl: true });
  const { params } = list;
  const visits = useListQuery(['out-of-county'], '/api/out-of-county-visits', visitPage, params);
  const run = useMutation({
    mutationFn: () => apiSend('POST', '/api/out-of-county-visits/import', { csv }, importReport),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['out-of-county'] });
    },
  });
  const report = run.data;
  return (
    <Page title="县外就诊登记">
      <Card size="small" title="CSV 导入" style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">
          列：身份证号、就诊日期（YYYY-MM-DD）、医院名称、医院级别（国家级/省级/市级/外县）、就诊类型（门诊/住院）、诊断编码（可空）、费用(元)、原因。重复导入不会重复登记。
        </Typography.Paragraph>
        <Upload
          accept=".csv,text/csv"
          showUploadList={false}
          beforeUpload={(file) => {
            void file.text().then(setCsv);
            return false;
          }}
        >
          <Button>选择 CSV 文件</Button>
        </Upload>
        <Input.TextArea
          style={{ marginTop: 8, fontFamily: 'monospace' }}
          rows={6}
          value={csv}
          onChange={(e) => setCsv(e.target.value)}
          aria-label="CSV 内容"
        />
        <Button type="primary" style={{ marginTop: 8 }} loading={run.isPending} onClick={() => run.mutate()}>
          校验并导入
        </Button>
        {run.isError ? <ErrorAlert error={run.error} /> : null}
        {report ? (
          <>
            <Alert
              style={{ marginTop: 8 }}
              type={report.rejected.length ? 'warning' : 'success'}
              showIcon
              message={`共 ${report.total} 行：导入 ${report.imported} 行，重复 ${report.duplicates} 行，拒绝 ${report.rejected.length} 行`}
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
                  { title: '行号', dataIndex: 'row', width: 70 },
                  { title: '原因', dataIndex: 'reasons', render: (r: string[]) => r.join('；') },
                  { title: '原始内容', dataIndex: 'raw' },
                ]}
              />
            ) : null}
          </>
        ) : null}
      </Card>
      <DataList<Visit>
        title="已登记"
        size="small"
        rowKey={(v) => v.id}
        data={visits.data}
        loading={visits.isFetching && !visits.data}
        error={visits.isError ? visits.error : undefined}
        onRetry={() => void visits.refetch()}
        params={params}
        onPaging={list.setPaging}
        search={{ placeholder: '居民姓名或医院', onSearch: (q) => list.setFilter({ q }), width: 180 }}
        filters={
          <>
            <DateRangeInput
              from={params.from}
              to={params.to}
              onChange={(range) => list.setFilter(range)}
              placeholder={['就诊日期从', '至']}
              style={{ width: 260 }}
            />
            <Select
              allowClear
              placeholder="医院级别"
              aria-label="医院级别"
              style={{ width: 120 }}
              value={params.hospitalLevel}
              onChange={(hospitalLevel?: string) => list.setFilter({ hospitalLevel })}
              options={HOSPITAL_LEVELS.map((l) => ({ value: l, label: LEVELS[l] }))}
            />
            <Select
              allowClear
              placeholder="就诊类型"
              aria-label="就诊类型"
              style={{ width: 110 }}
              value={params.visitType}
              onChange={(visitType?: string) => list.setFilter({ visitType })}
              options={[
                { value: 'outpatient', label: '门诊' },
                { value: 'inpatient', label: '住院' },
              ]}
            />
          </>
        }
        exportTo={canExport ? { url: '/api/out-of-county-visits/export', query: params } : null}
        scrollX={900}
        columns={[
          { key: 'date', title: '日期', width: 110, sortKey: 'visitDate', render: (v) => formatDate(v.visitDate) },
          { key: 'resident', title: '居民', width: 90, mobile: 'title', render: (v) => v.residentName ?? '—' },
          { key: 'hospital', title: '医院', width: 200, sortKey: 'hospitalName', render: (v) => v.hospitalName },
          { key: 'level', title: '级别', width: 80, render: (v) => LEVELS[v.hospitalLevel] },
          {
            key: 'type',
            title: '类型',
            width: 70,
            mobile: 'extra',
            render: (v) => <Tag>{v.visitType === 'inpatient' ? '住院' : '门诊'}</Tag>,
          },
          { key: 'diagnosis', title: '诊断', width: 140, render: (v) => v.diagnosisName ?? '—' },
          {
            key: 'cost',
            title: '费用',
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
