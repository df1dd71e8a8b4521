import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Empty, Row, Select, Space, Tag, Typography } from 'antd';
import { ItemList } from '../../web/kit/item-list.tsx';
import { useState } from 'react';
import { z } from 'zod';
import { orgDetail } from '../../orgs/orgs.schema.ts';
import { apiGet, apiSend } from '../../web/api.ts';
import { useCurrentUser, useMayCall } from '../../web/current-user.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { useLang, useT } from '../../web/i18n.ts';
import { Page } from '../../web/page.tsx';
import { admission, bedBoard } from '../admission.schema.ts';
import { bedBoardMessages, referralWords, urgencyText } from './referrals.i18n.ts';

/** 床位看板: beds of one department and the admission queue, 三优先 patients first within an urgency. */
export function BedBoardPage() {
  const t = useT(bedBoardMessages);
  const w = useT(referralWords);
  const lang = useLang();
  const me = useCurrentUser();
  const qc = useQueryClient();
  const org = useQuery({ queryKey: ['org', me.org.id], queryFn: () => apiGet(`/api/orgs/${me.org.id}`, orgDetail) });
  const [chosenDepartment, setDepartmentId] = useState<number>();
  // the board opens on the hospital's first department rather than on an empty page
  const departmentId = chosenDepartment ?? org.data?.departments[0]?.id;
  const board = useQuery({
    queryKey: ['bed-board', departmentId],
    queryFn: () => apiGet('/api/bed-board', bedBoard, { departmentId }),
    enabled: Boolean(departmentId),
  });
  // with the care feature the admission opens an inpatient stay (POST /api/stays) holding the same bed
  const opensStay = useMayCall('POST /api/stays');
  const admit = useMutation({
    mutationFn: ({ id, bedId }: { id: number; bedId: number }) =>
      opensStay
        ? apiSend('POST', '/api/stays', { admissionRequestId: id, bedId }, z.object({ id: z.number() }), {
            headers: { 'idempotency-key': `bed-board-${id}-${bedId}` },
          })
        : apiSend('POST', `/api/admissions/${id}/admit`, { bedId }, admission),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['bed-board'] }),
  });
  const free = (board.data?.beds ?? []).filter((b) => !b.admission && !b.occupant);
  return (
    <Page
      title={t('title')}
      extra={
        <Select
          style={{ width: 200 }}
          placeholder={t('chooseDepartment')}
          aria-label={t('department')}
          value={departmentId}
          onChange={setDepartmentId}
          options={(org.data?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))}
        />
      }
    >
      {board.isError ? <ErrorAlert error={board.error} /> : null}
      {admit.isError ? <ErrorAlert error={admit.error} /> : null}
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('beds', { free: free.length, total: board.data?.beds.length ?? 0 })}>
            <Space wrap>
              {(board.data?.beds ?? []).map((b) => (
                <Card
                  key={b.id}
                  data-testid={`bed-${b.code}`}
                  size="small"
                  style={{ width: 140, background: b.admission || b.occupant ? '#fff7e6' : '#f6ffed' }}
                >
                  <Typography.Text strong>{t('bed', { code: b.code })}</Typography.Text>
                  <br />
                  {b.admission ? (
                    <span>
                      {b.admission.residentName ?? '—'}
                      {b.admission.priority ? <Tag color="gold">{w('priority')}</Tag> : null}
                    </span>
                  ) : b.occupant ? (
                    <span data-testid="bed-occupant">{b.occupant.residentName ?? '—'}</span>
                  ) : (
                    <Typography.Text type="success">{t('emptyBed')}</Typography.Text>
                  )}
                </Card>
              ))}
            </Space>
            {!board.data?.beds.length ? <Empty description={t('noBeds')} /> : null}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('waiting')}>
            <ItemList
              dataSource={board.data?.waiting ?? []}
              locale={{ emptyText: t('noWaiting') }}
              renderItem={(a) => (
                <ItemList.Item
                  data-testid="waiting-admission"
                  actions={[
                    <Button
                      key="admit"
                      type="primary"
                      disabled={!free.length}
                      loading={admit.isPending}
                      onClick={() => admit.mutate({ id: a.id, bedId: free[0].id })}
                    >
                      {t('admitTo', { code: free[0]?.code ?? '' })}
                    </Button>,
                  ]}
                >
                  <Space>
                    {a.residentName}
                    <Tag>{urgencyText(a.urgency, lang)}</Tag>
                    {a.priority ? <Tag color="gold">{w('priority')}</Tag> : null}
                  </Space>
                </ItemList.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </Page>
  );
}
