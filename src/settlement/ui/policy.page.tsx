import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Empty, Row, Typography } from 'antd';
import { useState } from 'react';
import { apiGet } from '../../web/api.ts';
import { useMayCall } from '../../web/current-user.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { useT } from '../../web/i18n.ts';
import { Page } from '../../web/page.tsx';
import { policyVersionDetail, policyVersions } from './settlement-admin.api.ts';
import { settlementAdminMessages } from './settlement-admin.i18n.ts';
import { NewVersionModal, VersionCard, VersionView } from './policy-version.tsx';

/** 医保结算政策参数: versions (draft → published, frozen), their rules by setting and per-case packages. */
export function SettlementPolicyPage() {
  const t = useT(settlementAdminMessages);
  const qc = useQueryClient();
  const canEdit = useMayCall('PUT /api/settlement/policy/versions/:id');
  const canCreate = useMayCall('POST /api/settlement/policy/versions');
  const [picked, setPicked] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const list = useQuery({
    queryKey: ['settlement-policy-versions'],
    queryFn: () => apiGet('/api/settlement/policy/versions', policyVersions),
  });
  const items = list.data?.items ?? [];
  const inForceId = list.data?.inForceId ?? null;
  const selectedId = picked ?? inForceId ?? items[0]?.id ?? null;
  const detail = useQuery({
    queryKey: ['settlement-policy-version', selectedId],
    queryFn: () => apiGet(`/api/settlement/policy/versions/${selectedId}`, policyVersionDetail),
    enabled: selectedId !== null,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

  return (
    <Page
      title={t('policyTitle')}
      extra={
        canCreate ? (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('newVersion')}
          </Button>
        ) : null
      }
    >
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={6} xxl={4}>
          <Typography.Title level={5}>{t('versions')}</Typography.Title>
          {list.data && items.length === 0 ? <Empty description={t('noVersions')} /> : null}
          {items.map((v) => (
            <VersionCard
              key={v.id}
              v={v}
              inForce={v.id === inForceId}
              selected={v.id === selectedId}
              onSelect={() => setPicked(v.id)}
            />
          ))}
        </Col>
        <Col xs={24} lg={18} xxl={20}>
          {detail.isError ? <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} /> : null}
          {detail.data ? (
            <VersionView
              key={`${detail.data.id}:${detail.dataUpdatedAt}`}
              v={detail.data}
              canEdit={canEdit}
              inForce={detail.data.id === inForceId}
              versions={items}
            />
          ) : detail.isLoading ? (
            <Card loading size="small" />
          ) : list.data && items.length > 0 ? (
            <Empty description={t('pickVersion')} />
          ) : null}
        </Col>
      </Row>
      <NewVersionModal
        open={creating}
        versions={items}
        basedOn={selectedId}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          setPicked(id);
          void qc.invalidateQueries({ queryKey: ['settlement-policy-versions'] });
        }}
      />
    </Page>
  );
}
