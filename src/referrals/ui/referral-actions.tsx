import { Button, Form, Input, Modal, Select, Space } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { org } from '../../orgs/orgs.schema.ts';
import { apiGet } from '../../web/api.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import type { ReferralDetail } from '../referral.schema.ts';
import { ACTION_LABELS, type ReferralAction } from '../referral.states.ts';
import { useReferralAction, type ActionPath } from './referrals.api.ts';

const SIMPLE: ReadonlyArray<ReferralAction> = ['submit', 'accept', 'arrive', 'complete', 'close', 'cancel'];

/** The buttons the server says this user may press now (referral.actions), nothing else. */
export function ReferralActions({ referral }: { referral: ReferralDetail }) {
  const act = useReferralAction(referral.id);
  const [modal, setModal] = useState<'reject' | 'redirect' | 'down' | null>(null);
  const [form] = Form.useForm();
  const orgs = useQuery({
    queryKey: ['orgs'],
    queryFn: () => apiGet('/api/orgs', z.array(org)),
    enabled: modal !== null,
  });
  const run = (path: ActionPath, body: Record<string, unknown> = {}) =>
    act.mutate(
      { path, body },
      {
        onSuccess: () => {
          setModal(null);
          form.resetFields();
        },
      },
    );
  const targets = (orgs.data ?? []).filter((o) => o.id !== referral.toOrg.id && o.kind !== 'county');
  const down = (orgs.data ?? []).filter((o) =>
    ['township_center', 'community_center', 'village_clinic'].includes(o.kind),
  );

  return (
    <>
      <Space wrap>
        {referral.actions
          .filter((a) => SIMPLE.includes(a))
          .map((a) => (
            <Button
              key={a}
              type={a === 'accept' ? 'primary' : 'default'}
              danger={a === 'cancel'}
              loading={act.isPending}
              onClick={() => run(a as ActionPath, a === 'submit' ? { consent: { by: 'patient' } } : {})}
            >
              {ACTION_LABELS[a]}
            </Button>
          ))}
        {referral.actions.includes('reject') ? (
          <Button danger onClick={() => setModal('reject')}>
            拒绝
          </Button>
        ) : null}
        {referral.actions.includes('redirect') ? <Button onClick={() => setModal('redirect')}>改派</Button> : null}
        {referral.actions.includes('down_refer') ? (
          <Button type="primary" onClick={() => setModal('down')}>
            出院下转
          </Button>
        ) : null}
      </Space>
      {act.isError && modal === null ? (
        <div style={{ marginTop: 8 }}>
          <ErrorAlert error={act.error} />
        </div>
      ) : null}
      <Modal
        open={modal !== null}
        title={modal === 'reject' ? '拒绝转诊' : modal === 'redirect' ? '改派到其他机构' : '出院下转'}
        okText="确定"
        cancelText="取消"
        confirmLoading={act.isPending}
        onCancel={() => setModal(null)}
        onOk={() => form.submit()}
        destroyOnHidden
        width={modal === 'down' ? 640 : 480}
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v: Record<string, string>) => {
            if (modal === 'reject') run('reject', { reason: v.reason });
            if (modal === 'redirect') run('redirect', { toOrgId: v.toOrgId, reason: v.reason });
            if (modal === 'down') {
              const tasks = (v.tasks ?? '')
                .split('\n')
                .map((t) => t.trim())
                .filter(Boolean)
                .map((title) => ({ kind: /康复|训练/.test(title) ? 'rehab' : 'follow_up', title }));
              run('down-referrals', {
                toOrgId: v.toOrgId,
                reason: v.reason,
                dischargeSummary: v.dischargeSummary,
                carePlan: { kind: 'rehab', goals: v.goals || undefined, tasks },
              });
            }
          }}
        >
          {modal !== 'reject' ? (
            <Form.Item
              name="toOrgId"
              label={modal === 'down' ? '下转机构（乡镇康复中心/村卫生室）' : '改派机构'}
              rules={[{ required: true, message: '请选择机构' }]}
            >
              <Select
                aria-label="机构"
                showSearch
                optionFilterProp="label"
                options={(modal === 'down' ? down : targets).map((o) => ({
                  value: o.id,
                  label: `${o.name}${o.specialities.length ? `（${o.specialities.join('、')}）` : ''}`,
                }))}
              />
            </Form.Item>
          ) : null}
          <Form.Item
            name="reason"
            label={modal === 'down' ? '下转原因' : '原因'}
            rules={[{ required: true, min: 2, message: '请填写原因' }]}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
          {modal === 'down' ? (
            <>
              <Form.Item
                name="dischargeSummary"
                label="出院小结"
                rules={[{ required: true, message: '请填写出院小结' }]}
              >
                <Input.TextArea rows={3} />
              </Form.Item>
              <Form.Item name="goals" label="康复目标">
                <Input />
              </Form.Item>
              <Form.Item
                name="tasks"
                label="下转任务（每行一项）"
                rules={[{ required: true, message: '请至少填写一项任务' }]}
                initialValue={'康复训练 每周3次\n出院两周随访'}
              >
                <Input.TextArea rows={3} />
              </Form.Item>
            </>
          ) : null}
          {act.isError ? <ErrorAlert error={act.error} /> : null}
        </Form>
      </Modal>
    </>
  );
}
