import { EditOutlined, HistoryOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Empty, Form, Input, List, Modal, Popover, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { formatDateTime } from '../../web/format.ts';
import { useT } from '../../web/i18n.ts';
import { useCorrectEvent, useCorrections, type Correction } from './corrections.api.ts';
import type { MissionEvent } from './ems.api.ts';
import { emsMessages } from './ems.i18n.ts';
import { fromShanghaiWall, PICKER_FORMAT, shanghaiWall } from './ems-labels.ts';

/**
 * 更正 on the timeline: the dispatch centre (any milestone) and the destination hospital (its
 * own milestones) correct a wrong time with a reason; the server says who may (mayCorrect). An
 * impossible order comes back as the database's own sentence (422) and is shown in the dialog;
 * a time corrected meanwhile by someone else comes back 409 (refresh). 已更正 opens the history.
 */
export function CorrectionControls({ missionId, e }: { missionId: number; e: MissionEvent }) {
  const t = useT(emsMessages);
  const [open, setOpen] = useState(false);
  return (
    <>
      {e.corrections > 0 ? <CorrectedTag missionId={missionId} e={e} /> : null}
      {e.mayCorrect ? (
        <Button
          size="small"
          type="link"
          icon={<EditOutlined />}
          onClick={() => setOpen(true)}
          data-testid={`correct-${e.milestone}`}
          style={{ paddingInline: 4 }}
        >
          {t('correct')}
        </Button>
      ) : null}
      {open ? <CorrectModal missionId={missionId} e={e} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function CorrectedTag({ missionId, e }: { missionId: number; e: MissionEvent }) {
  const t = useT(emsMessages);
  const [open, setOpen] = useState(false);
  const history = useCorrections(missionId, open);
  const mine = (history.data ?? []).filter((c) => c.milestone === e.milestone);
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      title={`${e.label} · ${t('correctionHistory')}`}
      content={
        <div style={{ maxWidth: 320 }} data-testid="correction-history">
          {history.error ? <ErrorAlert error={history.error} /> : null}
          <CorrectionList items={mine} loading={history.isLoading} />
        </div>
      }
    >
      <Tag
        color="orange"
        icon={<HistoryOutlined />}
        style={{ cursor: 'pointer' }}
        title={t('correctedTimes', { n: e.corrections })}
        data-testid={`corrected-${e.milestone}`}
      >
        {t('corrected')}
      </Tag>
    </Popover>
  );
}

export function CorrectionList({ items, loading }: { items: readonly Correction[]; loading?: boolean }) {
  const t = useT(emsMessages);
  return (
    <List
      size="small"
      loading={loading}
      dataSource={[...items]}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noCorrections')} /> }}
      renderItem={(c) => (
        <List.Item style={{ paddingInline: 0 }}>
          <div>
            <Typography.Text strong className="oc-mono">
              {t('correctionLine', {
                old: formatDateTime(c.oldAt, { seconds: true }),
                new: formatDateTime(c.newAt, { seconds: true }).slice(11),
              })}
            </Typography.Text>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('correctionBy', {
                  who: c.correctedBy ?? '—',
                  t: formatDateTime(c.correctedAt),
                  reason: c.reason,
                })}
              </Typography.Text>
            </div>
          </div>
        </List.Item>
      )}
    />
  );
}

function CorrectModal({ missionId, e, onClose }: { missionId: number; e: MissionEvent; onClose: () => void }) {
  const t = useT(emsMessages);
  const { message } = App.useApp();
  const correct = useCorrectEvent();
  const [form] = Form.useForm<{ at: Dayjs; reason: string }>();
  const submit = async () => {
    const v = await form.validateFields();
    const at = fromShanghaiWall(v.at.format(PICKER_FORMAT));
    try {
      // expectedAt: the time this person saw; if someone corrected it meanwhile, the server says so (409)
      await correct.mutateAsync({ missionId, milestone: e.milestone, at, reason: v.reason.trim(), expectedAt: e.at });
      void message.success(t('correctSaved', { m: e.label, t: formatDateTime(at, { seconds: true }) }));
      onClose();
    } catch {
      /* shown in the dialog: 422 EVENT_ORDER is the database's own sentence */
    }
  };
  return (
    <Modal
      open
      title={t('correctTitle', { m: e.label })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('correct')}
      okButtonProps={{ loading: correct.isPending, 'data-testid': 'correct-ok' }}
      // a stray click beside the dialog must not throw away the new time and the reason typed
      mask={{ closable: false }}
      destroyOnHidden
    >
      {correct.error ? <ErrorAlert error={correct.error} /> : null}
      <Form form={form} layout="vertical" initialValues={{ at: dayjs(shanghaiWall(e.at), PICKER_FORMAT) }}>
        <Form.Item label={t('correctCurrent')}>
          <Typography.Text className="oc-mono">{formatDateTime(e.at, { seconds: true })}</Typography.Text>
        </Form.Item>
        <Form.Item
          name="at"
          label={t('correctNew')}
          rules={[
            { required: true, message: t('correctNew') },
            {
              validator: (_, v: Dayjs | undefined) =>
                v && fromShanghaiWall(v.format(PICKER_FORMAT)) === new Date(e.at).toISOString()
                  ? Promise.reject(new Error(t('correctSame')))
                  : Promise.resolve(),
            },
          ]}
        >
          <DatePicker
            showTime
            format={PICKER_FORMAT}
            needConfirm={false}
            style={{ width: '100%' }}
            aria-label={t('correctNew')}
            data-testid="correct-at"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('correctReason')}
          rules={[
            {
              validator: (_, v: string | undefined) =>
                (v ?? '').trim().length >= 2 ? Promise.resolve() : Promise.reject(new Error(t('correctReasonShort'))),
            },
          ]}
        >
          <Input.TextArea
            rows={2}
            maxLength={200}
            showCount
            placeholder={t('correctReasonHint')}
            aria-label={t('correctReason')}
            data-testid="correct-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
