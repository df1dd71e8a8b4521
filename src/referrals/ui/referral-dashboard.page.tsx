import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { useT } from '../../web/i18n.ts';
import { Page } from '../../web/page.tsx';
import { useFigures } from './referrals.api.ts';
import { dashboardMessages } from './referrals.i18n.ts';

/** A time figure as a sentence a bureau official reads without knowing what P50 or P90 means. */
function minutesInWords(key: string, minutes: number): string {
  const span =
    minutes >= 120 ? `${Math.round((minutes / 60) * 10) / 10} 小时` : `${Math.round(minutes * 10) / 10} 分钟`;
  if (key === 'accept_p50') return `一半的转诊在 ${span}内被接收`;
  if (key === 'accept_p90') return `90% 的转诊在 ${span}内被接收`;
  return span;
}

/** 双向转诊指标: every figure shows its numerator and denominator, so nobody has to trust a bare percentage. */
export function ReferralDashboardPage() {
  const t = useT(dashboardMessages);
  const figures = useFigures();
  const d = figures.data;
  return (
    <Page title={t('title')}>
      {figures.isError ? <ErrorAlert error={figures.error} /> : null}
      <Typography.Paragraph type="secondary">
        {d ? t('period', { from: d.from, to: d.to }) : t('periodUnknown')}
        {d?.smallCellsSuppressed ? '（为保护居民隐私，小于 5 的格子显示为 “<5”）' : ''}
      </Typography.Paragraph>
      <Row gutter={[12, 12]}>
        {(d?.figures ?? []).map((f) => (
          <Col key={f.key} xs={24} sm={12} lg={6}>
            <Card size="small" title={f.label}>
              <Statistic
                value={f.value ?? '—'}
                suffix={f.value === null ? '' : f.unit === 'percent' ? '%' : t('minutes')}
                precision={f.value === null ? undefined : 1}
              />
              {f.unit === 'minutes' && f.value !== null ? (
                <Typography.Paragraph style={{ margin: '4px 0' }} data-testid={`figure-words-${f.key}`}>
                  {minutesInWords(f.key, f.value)}
                </Typography.Paragraph>
              ) : null}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {f.numerator !== null ? `${f.numerator} / ${f.denominator}` : `n = ${f.denominator}`} · {f.definition}
              </Typography.Text>
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small" title={t('byOrgMonth')} style={{ marginTop: 16 }}>
        <Table
          size="small"
          rowKey={(r) => `${r.orgId}-${r.month}`}
          dataSource={d?.byOrgMonth ?? []}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: t('month'), dataIndex: 'month', width: 100 },
            { title: t('org'), dataIndex: 'orgName' },
            { title: t('up'), dataIndex: 'up', width: 80, render: (v: number | null) => v ?? '<5' },
            { title: t('down'), dataIndex: 'down', width: 80, render: (v: number | null) => v ?? '<5' },
          ]}
        />
      </Card>
    </Page>
  );
}
