import { Button, Form, Input, Modal, Select, Space } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { org } from '../../orgs/orgs.schema.ts';
import { apiGet } from '../../web/api.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { common, useLang, useT } from '../../web/i18n.ts';
import type { ReferralDetail } from '../referral.schema.ts';
import type { ReferralAction } from '../referral.states.ts';
import { useReferralAction, type ActionPath } from './referrals.api.ts';
import { referralActionText, referralDetailMessages } from './referrals.i18n.ts';

const SIMPLE: ReadonlyArray<ReferralAction> = ['submit', 'accept', 'arrive', 'complete', 'close', 'cancel'];

/** The buttons the server says this user may press now (referral.actions), nothing else. */
export function ReferralActions({ referral }: { referral: ReferralDetail }) {
  const t = useT(referralDetailMessages);
  const c = useT(common);
  const lang = useLang();
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
              {referralActionText(a, lang)}
            </Button>
          ))}
        {referral.actions.includes('reject') ? (
          <Button danger onClick={() => setModal('reject')}>
            {t('reject')}
          </Button>
        ) : null}
        {referral.actions.includes('redirect') ? (
          <Button onClick={() => setModal('redirect')}>{t('redirect')}</Button>
        ) : null}
        {referral.actions.includes('down_refer') ? (
          <Button type="primary" onClick={() => setModal('down')}>
            {t('dischargeDown')}
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
        title={modal === 'reject' ? t('rejectTitle') : modal === 'redirect' ? t('redirectTitle') : t('dischargeDown')}
        okText={c('confirm')}
        cancelText={c('cancel')}
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
                .map((line) => line.trim())
                .filter(Boolean)
                .map((title) => ({
                  kind: /康复|训练|rehab|exercise|training/i.test(title) ? 'rehab' : 'follow_up',
                  title,
                }));
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
              label={modal === 'down' ? t('downOrg') : t('redirectOrg')}
              rules={[{ required: true, message: t('orgRequired') }]}
            >
              <Select
                aria-label={t('org')}
                showSearch
                optionFilterProp="label"
                options={(modal === 'down' ? down : targets).map((o) => ({
                  value: o.id,
                  label: o.specialities.length
                    ? t('orgSpecialities', {
                        name: o.name,
                        specialities: o.specialities.join(t('specialitySeparator')),
                      })
                    : o.name,
                }))}
              />
            </Form.Item>
          ) : null}
          <Form.Item
            name="reason"
            label={modal === 'down' ? t('downReason') : t('actionReason')}
            rules={[{ required: true, min: 2, message: t('reasonRequired') }]}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
          {modal === 'down' ? (
            <>
              <Form.Item
                name="dischargeSummary"
                label={t('dischargeSummary')}
                rules={[{ required: true, message: t('dischargeRequired') }]}
              >
                <Input.TextArea rows={3} />
              </Form.Item>
              <Form.Item name="goals" label={t('goals')}>
                <Input />
              </Form.Item>
              <Form.Item
                name="tasks"
                label={t('downTasks')}
                rules={[{ required: true, message: t('downTasksRequired') }]}
                initialValue={t('downTasksDefault')}
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
