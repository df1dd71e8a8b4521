import { Alert, Button, Card, Form, InputNumber, Input, Radio, Result, Select, Space } from 'antd';
import { useState } from 'react';
import { useOrgs } from '../../orgs/ui/orgs.api.ts';
import { useCurrentUser } from '../../web/current-user.ts';
import { errorMessage } from '../../web/error-alert.tsx';
import { useT } from '../../web/i18n.ts';
import { Page } from '../../web/page.tsx';
import { CATEGORIES, useRegisterBag, type Category } from './supply.api.ts';
import { supplyMessages } from './supply.i18n.ts';
import { categoryLabel } from './waste.page.tsx';

/**
 * 登记医疗废物 on a phone: one bag (box) at a time. The bag's id is made here, once per bag, so
 * tapping again after a dropped connection registers the same bag, never a second one.
 */
export function WasteRegisterPage() {
  const t = useT(supplyMessages);
  const me = useCurrentUser();
  const orgs = useOrgs();
  const register = useRegisterBag();
  const [bagId, setBagId] = useState(() => crypto.randomUUID());
  const [done, setDone] = useState<{ weightG: number; created: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ orgId: number; category: Category; weightG: number; note?: string }>();
  const mine = (orgs.data ?? []).filter((o) => o.id === me.org.id || o.parentId === me.org.id);
  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    try {
      const out = (await register.mutateAsync({ ...v, id: bagId, deviceAt: new Date().toISOString() })) as {
        created: boolean;
      };
      setDone({ weightG: v.weightG, created: out.created });
    } catch (err) {
      setError(`${errorMessage(err)} ${t('offlineRetry')}`);
    }
  };
  const next = () => {
    setBagId(crypto.randomUUID());
    setDone(null);
    form.resetFields(['weightG', 'note']);
  };
  return (
    <Page title={t('registerTitle')}>
      <Card size="small" style={{ maxWidth: 480 }}>
        {done ? (
          <Result
            status="success"
            title={done.created ? t('registered', { w: done.weightG }) : t('resent')}
            extra={
              <Button type="primary" size="large" block onClick={next}>
                {t('next')}
              </Button>
            }
          />
        ) : (
          <Form form={form} layout="vertical" initialValues={{ orgId: me.org.id, category: 'infectious' }}>
            <Form.Item name="orgId" label={t('producer')} rules={[{ required: true }]}>
              <Select options={(mine.length ? mine : [me.org]).map((o) => ({ value: o.id, label: o.name }))} />
            </Form.Item>
            <Form.Item name="category" label={t('category')} rules={[{ required: true }]}>
              <Radio.Group
                optionType="button"
                options={CATEGORIES.map((c) => ({ value: c, label: categoryLabel(t, c) }))}
              />
            </Form.Item>
            <Form.Item name="weightG" label={t('weightG')} rules={[{ required: true }]}>
              <InputNumber size="large" min={1} max={100000} style={{ width: '100%' }} inputMode="numeric" />
            </Form.Item>
            <Form.Item name="note" label={t('note')}>
              <Input maxLength={200} />
            </Form.Item>
            <Space orientation="vertical" style={{ width: '100%' }}>
              {error ? <Alert type="error" showIcon title={error} /> : null}
              <Button type="primary" size="large" block loading={register.isPending} onClick={() => void submit()}>
                {t('register')}
              </Button>
            </Space>
          </Form>
        )}
      </Card>
    </Page>
  );
}
