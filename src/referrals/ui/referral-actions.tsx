import { Button, Form, Input, Modal, Select, Space } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { org } from '../../orgs/orgs.schema.ts';
import { apiGet } from '../../web/api.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { applyServerError, errorBelongsTo, validateWith } from '../../web/form-errors.ts';
import { common, useLang, useT } from '../../web/i18n.ts';
import { carePlan, downReferralCreate, redirectBody, rejectBody, type ReferralDetail } from '../referral.schema.ts';
import type { ReferralAction } from '../referral.states.ts';
import { useReferralAction, type ActionPath } from './referrals.api.ts';
import { referralActionText, referralDetailMessages } from './referrals.i18n.ts';

const SIMPLE: ReadonlyArray<ReferralAction> = ['submit', 'accept', 'arrive', 'complete', 'close', 'cancel'];
const FIELDS = ['toOrgId', 'reason', 'dischargeSummary', 'goals', 'tasks'];

/** The down-referral dialog's fields, checked by the server's own rules (the plan's goals and tasks lifted out). */
const downForm = downReferralCreate
  .omit({ carePlan: true })
  .extend({ goals: carePlan.shape.goals, tasks: carePlan.shape.tasks });

/** One task per line; a line about rehabilitation is a rehab task, any other a follow-up. */
function tasksFrom(text: string | undefined) {
  return (text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((title) => ({
      kind: /康复|训练|rehab|exercise|training/i.test(title) ? ('rehab' as const) : ('follow_up' as const),
      title,
    }));
}

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
        onError: (err) => applyServerError(form, err, FIELDS),
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
          onFinish={(v: {
            toOrgId?: number;
            reason?: string;
            dischargeSummary?: string;
            goals?: string;
            tasks?: string;
          }) => {
            if (modal === 'reject') {
              const body = validateWith(form, rejectBody, { reason: v.reason });
              if (body) run('reject', body);
            }
            if (modal === 'redirect') {
              const body = validateWith(form, redirectBody, { toOrgId: v.toOrgId, reason: v.reason });
              if (body) run('redirect', body);
            }
            if (modal === 'down') {
              const parsed = validateWith(form, downForm, {
                toOrgId: v.toOrgId,
                reason: v.reason,
                dischargeSummary: v.dischargeSummary,
                goals: v.goals || undefined,
                tasks: tasksFrom(v.tasks),
              });
              if (!parsed) return;
              const { goals, tasks, ...rest } = parsed;
              run('down-referrals', { ...rest, carePlan: { kind: 'rehab', goals, tasks } });
            }
          }}
        >
          {modal !== 'reject' ? (
            <Form.Item name="toOrgId" label={modal === 'down' ? t('downOrg') : t('redirectOrg')}>
              <Select
                aria-label={t('org')}
                showSearch={{ optionFilterProp: 'label' }}
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
          <Form.Item name="reason" label={modal === 'down' ? t('downReason') : t('actionReason')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          {modal === 'down' ? (
            <>
              <Form.Item name="dischargeSummary" label={t('dischargeSummary')}>
                <Input.TextArea rows={3} />
              </Form.Item>
              <Form.Item name="goals" label={t('goals')}>
                <Input />
              </Form.Item>
              <Form.Item name="tasks" label={t('downTasks')} initialValue={t('downTasksDefault')}>
                <Input.TextArea rows={3} />
              </Form.Item>
            </>
          ) : null}
          {act.isError && !errorBelongsTo(act.error, FIELDS) ? <ErrorAlert error={act.error} /> : null}
        </Form>
      </Modal>
    </>
  );
}
