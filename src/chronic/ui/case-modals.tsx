import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';

import { caseCreate, caseTransition } from '../chronic.schema.ts';
import { apiSend } from '../../web/api.ts';

import { ErrorAlert } from '../../web/error-alert.tsx';
import { applyServerError, validateWith } from '../../web/form-errors.ts';
import { todayShanghai } from '../../web/format.ts';
import { useLang, useT } from '../../web/i18n.ts';

import { DateInput } from '../../web/kit/date-input.tsx';

import { CHRONIC_KEY, okId, useResidentSearch } from './chronic.api.ts';
import { chronicMessages, DISEASE, END_REASON, label, options, SEX, STATE, TRANSITION } from './chronic.i18n.ts';

import { clearEdited, clearErrors } from './form-kit.ts';

/** The registry's dialogs: a state change, a new case, the resident picker. */
const MOVES: Record<string, Array<'confirmed' | 'managed' | 'lost' | 'terminated'>> = {
  screened: ['confirmed', 'terminated'],
  confirmed: ['managed', 'terminated'],
  managed: ['lost', 'terminated'],
  lost: ['managed', 'terminated'],
  terminated: [],
};

export function TransitionModal({ caseId, state, onClose }: { caseId: number; state: string; onClose: () => void }) {
  const t = useT(chronicMessages);
  const lang = useLang();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const to = Form.useWatch('to', form) as string | undefined;
  const move = useMutation({
    mutationFn: (body: unknown) => apiSend('POST', `/api/chronic/cases/${caseId}/transition`, body, okId),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: CHRONIC_KEY });
      onClose();
    },
    onError: (err) => applyServerError(form, err, ['to', 'onDate', 'reason', 'note']),
  });
  const submit = () => {
    clearErrors(form);
    const v = form.getFieldsValue() as Record<string, unknown>;
    const body = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== null && x !== ''));
    const ok = validateWith(form, caseTransition, body);
    if (ok) move.mutate(ok);
  };
  return (
    <Modal open title={t('transition')} onCancel={onClose} onOk={submit} confirmLoading={move.isPending}>
      <Form
        form={form}
        onValuesChange={(changed: Record<string, unknown>) => clearEdited(form, changed)}
        layout="vertical"
        initialValues={{ onDate: todayShanghai(), to: MOVES[state]?.[0] }}
      >
        <Form.Item name="to" label={t('toState')}>
          <Select
            aria-label={t('toState')}
            options={(MOVES[state] ?? []).map((s) => ({ value: s, label: label(TRANSITION, s, lang) }))}
          />
        </Form.Item>
        <Form.Item name="onDate" label={t('onDate')}>
          <DateInput aria-label={t('onDate')} allowClear={false} />
        </Form.Item>
        {to === 'terminated' ? (
          <Form.Item name="reason" label={t('endReason')}>
            <Select aria-label={t('endReason')} options={options(END_REASON, lang)} />
          </Form.Item>
        ) : null}
        <Form.Item name="note" label={t('reasonText')}>
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
      </Form>
      {move.isError && !(move.error as { field?: string }).field ? <ErrorAlert error={move.error} /> : null}
    </Modal>
  );
}

/** 新建档案: a resident found by name / initials / ID, the disease, and where they stand */
export function NewCaseModal({ onClose, onDone }: { onClose: () => void; onDone: (id: number) => void }) {
  const t = useT(chronicMessages);
  const lang = useLang();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const create = useMutation({
    mutationFn: (body: unknown) => apiSend('POST', '/api/chronic/cases', body, okId),
    onSuccess: (r) => {
      void message.success(t('created'));
      void qc.invalidateQueries({ queryKey: CHRONIC_KEY });
      onDone(Number(r.id));
    },
    onError: (err) => applyServerError(form, err, ['residentId', 'disease', 'state', 'onDate']),
  });
  const submit = () => {
    clearErrors(form);
    const ok = validateWith(form, caseCreate, form.getFieldsValue());
    if (ok) create.mutate(ok);
  };
  return (
    <Modal open title={t('newCase')} onCancel={onClose} onOk={submit} confirmLoading={create.isPending}>
      <Form
        form={form}
        onValuesChange={(changed: Record<string, unknown>) => clearEdited(form, changed)}
        layout="vertical"
        initialValues={{ disease: 'htn', state: 'managed', onDate: todayShanghai() }}
      >
        <Form.Item name="residentId" label={t('resident')}>
          <ResidentSelect />
        </Form.Item>
        <Form.Item name="disease" label={t('disease')}>
          <Select aria-label={t('disease')} options={options(DISEASE, lang)} />
        </Form.Item>
        <Form.Item name="state" label={t('state')}>
          <Select
            aria-label={t('state')}
            options={options(STATE, lang).filter((o) => ['screened', 'confirmed', 'managed'].includes(o.value))}
          />
        </Form.Item>
        <Form.Item name="onDate" label={t('onDate')}>
          <DateInput aria-label={t('onDate')} allowClear={false} />
        </Form.Item>
      </Form>
      {create.isError && !(create.error as { field?: string }).field ? <ErrorAlert error={create.error} /> : null}
    </Modal>
  );
}

/** a resident by name, pinyin initials or ID number (the residents search) */
export function ResidentSelect({
  value,
  onChange,
  orgId,
}: {
  value?: number;
  onChange?: (v: number) => void;
  orgId?: number;
}) {
  const t = useT(chronicMessages);
  const lang = useLang();
  const [q, setQ] = useState('');
  const found = useResidentSearch(q);
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={onChange}
      style={{ width: '100%' }}
      placeholder={t('residentSearch')}
      aria-label={t('resident')}
      loading={found.isFetching}
      notFoundContent={null}
      options={(found.data?.items ?? [])
        .filter((r) => orgId === undefined || r.orgId === orgId)
        .map((r) => ({
          value: r.id,
          label: `${r.name} · ${label(SEX, r.sex, lang)} ${t('years', { n: r.age })} · ${r.idNumber} · ${r.orgName}`,
        }))}
    />
  );
}
