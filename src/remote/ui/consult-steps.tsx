import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useT } from '../../web/i18n.ts';
import { useConsultStep, type ConsultDetail, type ConsultStep } from './consult.api.ts';
import { consultMessages } from './consults.i18n.ts';

/** the fields each step asks for; a step without any is taken at once */
const FIELDS: Partial<Record<ConsultStep, string[]>> = {
  accept: ['feeYuan'],
  decline: ['reason'],
  consent: ['consentBy'],
  schedule: ['scheduledAt', 'videoLink'],
  hold: ['startedAt', 'endedAt'],
  opinion: ['opinion'],
  decide: ['decision'],
  cancel: ['reason'],
};

interface Values {
  feeYuan?: number | null;
  reason?: string;
  consentBy?: string;
  scheduledAt?: Dayjs;
  videoLink?: string;
  startedAt?: Dayjs;
  endedAt?: Dayjs;
  opinion?: string;
  decision?: string;
}

function bodyOf(step: ConsultStep, v: Values): Record<string, unknown> {
  switch (step) {
    case 'accept':
      return v.feeYuan == null ? {} : { feeFen: Math.round(v.feeYuan * 100) };
    case 'schedule':
      return { scheduledAt: v.scheduledAt?.toISOString(), videoLink: v.videoLink || undefined };
    case 'hold':
      return { startedAt: v.startedAt?.toISOString(), endedAt: v.endedAt?.toISOString() };
    default:
      return { reason: v.reason, consentBy: v.consentBy, opinion: v.opinion, decision: v.decision };
  }
}

/** the step buttons the server says this user may take now, each with its small form */
export function ConsultStepButtons({ c }: { c: ConsultDetail }) {
  const t = useT(consultMessages);
  const { message } = App.useApp();
  const [open, setOpen] = useState<ConsultStep | null>(null);
  const [form] = Form.useForm<Values>();
  const mutation = useConsultStep(c.id);
  const run = (step: ConsultStep, v: Values) =>
    mutation.mutate(
      { step, body: { version: c.version, ...bodyOf(step, v) } },
      {
        onSuccess: () => {
          void message.success(t('saved'));
          setOpen(null);
        },
        onError: (err) => void message.error(err.message),
      },
    );
  const start = (step: ConsultStep) => {
    if (!FIELDS[step]) return run(step, {});
    form.resetFields();
    const now = dayjs();
    form.setFieldsValue({
      scheduledAt: now.add(1, 'hour').startOf('hour'),
      startedAt:
        c.scheduledAt && dayjs(c.scheduledAt).isBefore(now) ? dayjs(c.scheduledAt) : now.subtract(30, 'minute'),
      endedAt: now,
    });
    setOpen(step);
    return undefined;
  };
  const has = (f: string) => open !== null && (FIELDS[open] ?? []).includes(f);
  const danger = (s: ConsultStep) => s === 'decline' || s === 'cancel';
  return (
    <>
      <Space wrap>
        {c.steps.map((s) => (
          <Button
            key={s}
            type={danger(s) ? 'default' : 'primary'}
            danger={danger(s)}
            loading={mutation.isPending && mutation.variables.step === s}
            onClick={() => start(s)}
            data-step={s}
          >
            {t(`step.${s}` as 'none')}
          </Button>
        ))}
      </Space>
      <Modal
        open={open !== null}
        title={open ? t(`step.${open}` as 'none') : ''}
        okText={t('confirm')}
        okButtonProps={{ 'data-testid': 'step-ok' }}
        confirmLoading={mutation.isPending}
        onCancel={() => setOpen(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form<Values> form={form} layout="vertical" onFinish={(v) => open && run(open, v)}>
          {has('feeYuan') ? (
            <Form.Item name="feeYuan" label={t('feeYuan')}>
              <InputNumber min={0} max={100000} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          ) : null}
          {has('reason') ? (
            <Form.Item
              name="reason"
              label={open === 'decline' ? t('declineReason') : t('cancelReason')}
              rules={[{ required: true, min: 2, message: open === 'decline' ? t('declineReason') : t('cancelReason') }]}
            >
              <Input.TextArea rows={2} maxLength={300} />
            </Form.Item>
          ) : null}
          {has('consentBy') ? (
            <Form.Item
              name="consentBy"
              label={t('consentBy')}
              rules={[{ required: true, min: 2, message: t('consentBy') }]}
            >
              <Input maxLength={40} />
            </Form.Item>
          ) : null}
          {has('scheduledAt') ? (
            <>
              <Form.Item
                name="scheduledAt"
                label={t('scheduledAt')}
                rules={[{ required: true, message: t('scheduledAt') }]}
              >
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="videoLink" label={t('videoLink')} rules={[{ required: true, message: t('videoLink') }]}>
                <Input placeholder="https://" maxLength={500} />
              </Form.Item>
            </>
          ) : null}
          {has('startedAt') ? (
            <>
              <Form.Item name="startedAt" label={t('startedAt')} rules={[{ required: true, message: t('startedAt') }]}>
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="endedAt" label={t('endedAt')} rules={[{ required: true, message: t('endedAt') }]}>
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
              </Form.Item>
            </>
          ) : null}
          {has('opinion') ? (
            <Form.Item name="opinion" label={t('opinion')} rules={[{ required: true, min: 2, message: t('opinion') }]}>
              <Input.TextArea rows={6} maxLength={4000} showCount />
            </Form.Item>
          ) : null}
          {has('decision') ? (
            <Form.Item
              name="decision"
              label={t('decision')}
              extra={t('decisionNote')}
              rules={[{ required: true, min: 2, message: t('decision') }]}
            >
              <Input.TextArea rows={4} maxLength={2000} showCount />
            </Form.Item>
          ) : null}
        </Form>
      </Modal>
    </>
  );
}
