import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import type { z } from 'zod';
import { apiSend } from '../../web/api.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { applyServerError, validateWith } from '../../web/form-errors.ts';
import { formatDateTime, todayShanghai } from '../../web/format.ts';
import { useT } from '../../web/i18n.ts';
import { DateInput } from '../../web/kit/date-input.tsx';
import { policyDraftCreate, policyVersionSave, type RuleInput } from '../settlement.schema.ts';
import { policyVersionDetail, type PolicyVersion, type PolicyVersionDetail } from './settlement-admin.api.ts';
import { enumWord, settlementAdminMessages } from './settlement-admin.i18n.ts';
import {
  EditPackage,
  EditRule,
  LAYER_DEFAULTS,
  SETTINGS,
  Setting,
  newKey,
  ruleBody,
  toPackageInput,
  toRuleInput,
} from './policy-params.tsx';
import { PackagesTable, RulesTable } from './policy-tables.tsx';

export interface Header {
  title: string;
  effectiveFrom: string;
  docRef: string;
}

/** a version: its header, rules by setting and packages; a draft is edited in place by the administrator */
export function VersionView({
  v,
  canEdit,
  inForce,
  versions,
}: {
  v: PolicyVersionDetail;
  canEdit: boolean;
  inForce: boolean;
  versions: PolicyVersion[];
}) {
  const t = useT(settlementAdminMessages);
  const qc = useQueryClient();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Header>();
  const initial = useMemo(
    () => ({ rules: v.rules.map(toRuleInput), packages: v.packages.map(toPackageInput) }),
    [v.rules, v.packages],
  );
  const [rules, setRules] = useState<EditRule[]>(initial.rules);
  const [packages, setPackages] = useState<EditPackage[]>(initial.packages);
  const [headerDirty, setHeaderDirty] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const editing = canEdit && v.status === 'draft';
  const strip = (xs: Array<{ key: string }>) => JSON.stringify(xs.map(({ key: _k, ...x }) => x));
  const dirty = headerDirty || strip(rules) !== strip(initial.rules) || strip(packages) !== strip(initial.packages);

  const done = (saved: PolicyVersionDetail) => {
    qc.setQueryData(['settlement-policy-version', saved.id], saved);
    void qc.invalidateQueries({ queryKey: ['settlement-policy-versions'] });
  };
  const save = useMutation({
    mutationFn: (body: z.output<typeof policyVersionSave>) =>
      apiSend('PUT', `/api/settlement/policy/versions/${v.id}`, body, policyVersionDetail),
    onSuccess: (saved) => {
      setError(null);
      void message.success(t('saved'));
      done(saved);
    },
    onError: (err) => {
      if (!applyServerError(form, err, ['title', 'effectiveFrom', 'docRef'])) setError(err);
    },
  });
  const publish = useMutation({
    mutationFn: () => apiSend('POST', `/api/settlement/policy/versions/${v.id}/publish`, {}, policyVersionDetail),
    onSuccess: (saved) => {
      setError(null);
      void message.success(t('publishedOk'));
      done(saved);
    },
    onError: setError,
  });

  const onSave = () => {
    const header = form.getFieldsValue();
    const body = { ...header, rules: rules.map(ruleBody), packages: packages.map(({ key: _k, ...p }) => p) };
    const parsed = policyVersionSave.safeParse(body);
    if (!parsed.success) {
      validateWith(form, policyVersionSave.pick({ title: true, effectiveFrom: true, docRef: true }), header);
      const issue = parsed.error.issues[0];
      const [where, index] = issue.path;
      let prefix = '';
      if (where === 'rules' && typeof index === 'number') {
        const r = rules[index];
        const n = rules.filter((x) => x.setting === r.setting).indexOf(r) + 1;
        prefix = t('rulePos', { setting: enumWord(t, 'setting', r.setting), n });
      } else if (where === 'packages' && typeof index === 'number') prefix = t('packagePos', { n: index + 1 });
      if (prefix || where === 'rules' || where === 'packages') setError(new Error(prefix + issue.message));
      return;
    }
    save.mutate(parsed.data);
  };
  const onPublish = () => {
    void modal.confirm({
      title: t('publishConfirmTitle', { title: v.title }),
      content: t('publishConfirmBody', { date: v.effectiveFrom }),
      okText: t('publish'),
      cancelText: t('cancel'),
      okButtonProps: { danger: true },
      onOk: () => publish.mutateAsync().catch(() => undefined),
    });
  };

  const patchRule = (key: string, patch: Partial<RuleInput>) =>
    setRules((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const addRule = (setting: Setting) =>
    setRules((rs) => [
      ...rs,
      {
        key: newKey(),
        scheme: 'resident',
        personCat: '*',
        setting,
        layer: 'basic',
        hospLevel: '*',
        ...LAYER_DEFAULTS.basic,
      },
    ]);
  const basedOn = versions.find((x) => x.id === v.basedOn);

  return (
    <Card
      size="small"
      data-version-id={v.id}
      title={
        <Space wrap size={4}>
          <span>{t('versionNo', { n: v.versionNo })}</span>
          <Tag color={v.status === 'published' ? 'green' : 'gold'}>
            {v.status === 'published' ? t('published') : t('draft')}
          </Tag>
          {inForce ? <Tag color="blue">{t('inForce')}</Tag> : null}
          {v.demo ? <Tag color="orange">{t('demo')}</Tag> : null}
          {editing && dirty ? <Tag color="red">{t('dirty')}</Tag> : null}
        </Space>
      }
      extra={
        editing ? (
          <Space wrap size={4}>
            {dirty ? (
              <Button
                size="small"
                onClick={() => {
                  setRules(initial.rules);
                  setPackages(initial.packages);
                  form.resetFields();
                  setHeaderDirty(false);
                  setError(null);
                }}
              >
                {t('reset')}
              </Button>
            ) : null}
            <Button size="small" type="primary" loading={save.isPending} disabled={!dirty} onClick={onSave}>
              {t('save')}
            </Button>
            <Button
              size="small"
              danger
              loading={publish.isPending}
              disabled={dirty}
              title={dirty ? t('saveFirst') : undefined}
              onClick={onPublish}
            >
              {t('publish')}
            </Button>
          </Space>
        ) : null
      }
    >
      {error ? <ErrorAlert error={error} /> : null}
      {v.status === 'published' ? (
        <Alert type="info" showIcon title={t('frozenNote')} style={{ marginBottom: 12 }} />
      ) : editing ? (
        <Alert type="warning" showIcon title={t('draftNote')} style={{ marginBottom: 12 }} />
      ) : (
        <Alert type="info" showIcon title={t('readOnlyNote')} style={{ marginBottom: 12 }} />
      )}
      {editing ? (
        <Form<Header>
          form={form}
          layout="vertical"
          initialValues={{ title: v.title, effectiveFrom: v.effectiveFrom, docRef: v.docRef }}
          onValuesChange={() => setHeaderDirty(true)}
        >
          <Row gutter={12}>
            <Col xs={24} md={8}>
              <Form.Item name="title" label={t('versionTitle')}>
                <Input maxLength={80} />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="effectiveFrom" label={t('effectiveFrom')}>
                <DateInput allowClear={false} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item name="docRef" label={t('docRef')}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      ) : (
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          style={{ marginBottom: 12 }}
          items={[
            { key: 'title', label: t('versionTitle'), children: v.title },
            { key: 'from', label: t('effectiveFrom'), children: v.effectiveFrom },
            { key: 'doc', label: t('docRef'), children: v.docRef },
            ...(v.publishedAt ? [{ key: 'at', label: t('publishedAt'), children: formatDateTime(v.publishedAt) }] : []),
            ...(basedOn
              ? [
                  {
                    key: 'base',
                    label: t('basedOn'),
                    children: `${t('versionNo', { n: basedOn.versionNo })} ${basedOn.title}`,
                  },
                ]
              : []),
          ]}
        />
      )}
      {SETTINGS.map((s) => (
        <RulesTable
          key={s}
          setting={s}
          rules={rules.filter((r) => r.setting === s)}
          editing={editing}
          onChange={patchRule}
          onDelete={(key) => setRules((rs) => rs.filter((r) => r.key !== key))}
          onAdd={() => addRule(s)}
        />
      ))}
      <PackagesTable
        packages={packages}
        editing={editing}
        onChange={(key, patch) => setPackages((ps) => ps.map((p) => (p.key === key ? { ...p, ...patch } : p)))}
        onDelete={(key) => setPackages((ps) => ps.filter((p) => p.key !== key))}
        onAdd={() =>
          setPackages((ps) => [
            ...ps,
            {
              key: newKey(),
              code: '',
              diseaseName: '',
              icdPrefixes: [],
              hospLevel: '*',
              orgId: null,
              fixedPriceFen: 0,
              patientShareBp: 0,
              docRef: null,
            },
          ])
        }
      />
    </Card>
  );
}

/** 新建版本: a draft copied from a version (the selected one by default) */
export function NewVersionModal({
  open,
  versions,
  basedOn,
  onClose,
  onCreated,
}: {
  open: boolean;
  versions: PolicyVersion[];
  basedOn: number | null;
  onClose: () => void;
  onCreated: (id: number) => void;
}) {
  const t = useT(settlementAdminMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const create = useMutation({
    mutationFn: (body: z.output<typeof policyDraftCreate>) =>
      apiSend('POST', '/api/settlement/policy/versions', body, policyVersionDetail),
    onSuccess: (v) => {
      void message.success(t('created'));
      form.resetFields();
      setError(null);
      onCreated(v.id);
    },
    onError: (err) => {
      if (!applyServerError(form, err, ['basedOn', 'title', 'effectiveFrom', 'docRef'])) setError(err);
    },
  });
  const submit = async () => {
    const values: unknown = { basedOn: null, ...(await form.getFieldsValue()) };
    const body = validateWith(form, policyDraftCreate, values);
    if (body) create.mutate(body);
  };
  return (
    <Modal
      open={open}
      title={t('newVersion')}
      okText={t('create')}
      cancelText={t('cancel')}
      confirmLoading={create.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('newVersionHint')}</Typography.Paragraph>
      {error ? <ErrorAlert error={error} /> : null}
      <Form form={form} layout="vertical" preserve={false} initialValues={{ basedOn, effectiveFrom: todayShanghai() }}>
        <Form.Item name="basedOn" label={t('basedOn')}>
          <Select
            options={[
              ...versions.map((v) => ({ value: v.id, label: `${t('versionNo', { n: v.versionNo })} ${v.title}` })),
              { value: null, label: t('blankVersion') },
            ]}
          />
        </Form.Item>
        <Form.Item name="title" label={t('versionTitle')}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="effectiveFrom" label={t('effectiveFrom')}>
          <DateInput allowClear={false} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="docRef" label={t('docRef')}>
          <Input.TextArea maxLength={200} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function VersionCard({
  v,
  inForce,
  selected,
  onSelect,
}: {
  v: PolicyVersion;
  inForce: boolean;
  selected: boolean;
  onSelect: () => void;
}) {
  const t = useT(settlementAdminMessages);
  return (
    <Card
      size="small"
      hoverable
      onClick={onSelect}
      data-version-id={v.id}
      style={{ marginBottom: 8, ...(selected ? { borderColor: '#1668dc', boxShadow: '0 0 0 1px #1668dc' } : {}) }}
    >
      <Space wrap size={4} style={{ marginBottom: 4 }}>
        <Typography.Text strong>{t('versionNo', { n: v.versionNo })}</Typography.Text>
        <Tag color={v.status === 'published' ? 'green' : 'gold'}>
          {v.status === 'published' ? t('published') : t('draft')}
        </Tag>
        {inForce ? <Tag color="blue">{t('inForce')}</Tag> : null}
        {v.demo ? <Tag color="orange">{t('demo')}</Tag> : null}
      </Space>
      <div>{v.title}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('effectiveFrom')} {v.effectiveFrom}
      </Typography.Text>
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: v.docRef }}>
          {t('docRef')} {v.docRef}
        </Typography.Text>
      </div>
    </Card>
  );
}
