import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { z } from 'zod';
import { apiGet, apiSend } from '../../web/api.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { Page } from '../../web/page.tsx';
import { importReport, visit } from '../out-of-county.schema.ts';

const LEVELS: Record<string, string> = { national: '国家级', provincial: '省级', city: '市级', other_county: '外县' };
const TEMPLATE = '身份证号,就诊日期,医院名称,医院级别,就诊类型,诊断编码,费用(元),原因\n';

/** 县外就诊登记: CSV from the insurance settlement list, checked row by row; rejected rows come back with reasons. */
export function OutOfCountyPage() {
  const qc = useQueryClient();
  const [csv, setCsv] = useState(TEMPLATE);
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
      <Card size="small" title="已登记">
        <Table
          size="small"
          rowKey="id"
          loading={visits.isLoading}
          dataSource={visits.data ?? []}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: '日期', dataIndex: 'visitDate', width: 110 },
            { title: '居民', dataIndex: 'residentName', width: 90 },
            { title: '医院', dataIndex: 'hospitalName' },
            { title: '级别', dataIndex: 'hospitalLevel', width: 80, render: (l: string) => LEVELS[l] },
            {
              title: '类型',
              dataIndex: 'visitType',
              width: 70,
              render: (t: string) => <Tag>{t === 'inpatient' ? '住院' : '门诊'}</Tag>,
            },
            { title: '诊断', dataIndex: 'diagnosisName', width: 140 },
            {
              title: '费用（元）',
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
