import { Alert, Button, Form, Input, Modal, Select, Typography } from 'antd';
import { ItemList } from '../../web/kit/item-list.tsx';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { useOrg, useOrgs } from '../../orgs/ui/orgs.api.ts';
import { apiGet, apiSend } from '../../web/api.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { applyServerError, validateWith } from '../../web/form-errors.ts';
import { useT } from '../../web/i18n.ts';
import { screen, screenCreate, screenWithToken } from '../queue.schema.ts';
import { screensMessages } from './screens.i18n.ts';

/** 叫号屏: register a waiting-room screen per department; its link is shown once (only a hash is kept). */
export function ScreensModal({ onClose }: { onClose: () => void }) {
  const t = useT(screensMessages);
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: ['clinics', 'screens'],
    queryFn: () => apiGet('/api/clinic-screens', z.array(screen)),
  });
  const [orgId, setOrgId] = useState<number | null>(null);
  const orgs = useOrgs();
  const org = useOrg(orgId);
  const [form] = Form.useForm<{ departmentId: number; name: string }>();
  const [link, setLink] = useState<string | null>(null);
  const done = (r: { url: string }) => {
    setLink(`${location.origin}${r.url}`);
    return qc.invalidateQueries({ queryKey: ['clinics', 'screens'] });
  };
  const create = useMutation({
    mutationFn: (body: { departmentId: number; name: string }) =>
      apiSend('POST', '/api/clinic-screens', body, screenWithToken),
    onSuccess: done,
  });
  const rotate = useMutation({
    mutationFn: (id: number) => apiSend('POST', `/api/clinic-screens/${id}/rotate`, {}, screenWithToken),
    onSuccess: done,
  });
  // the server's own schema: one rule on both sides
  const register = (values: unknown) => {
    const body = validateWith(form, screenCreate, values);
    if (body) create.mutate(body, { onError: (err) => applyServerError(form, err, ['departmentId', 'name']) });
  };
  return (
    <Modal open title={t('title')} onCancel={onClose} footer={null} width={640}>
      {link ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('linkOnce')}
          description={<Typography.Text copyable>{link}</Typography.Text>}
        />
      ) : null}
      {create.isError ? <ErrorAlert error={create.error} /> : null}
      <Form form={form} layout="inline" onFinish={register} style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label={t('org')}>
          <Select
            style={{ width: 180 }}
            onChange={setOrgId}
            options={(orgs.data ?? [])
              .filter((o) => o.kind !== 'village_clinic' && o.kind !== 'county')
              .map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
        <Form.Item name="departmentId" label={t('department')} required>
          <Select
            style={{ width: 140 }}
            options={(org.data?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
        <Form.Item name="name" label={t('name')} required>
          <Input placeholder={t('namePlaceholder')} maxLength={40} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t('register')}
        </Button>
      </Form>
      <ItemList
        size="small"
        dataSource={list.data ?? []}
        renderItem={(s) => (
          <ItemList.Item
            extra={
              <Button size="small" onClick={() => rotate.mutate(s.id)}>
                {t('rotate')}
              </Button>
            }
          >
            {s.name} · {s.orgName} {s.departmentName}
          </ItemList.Item>
        )}
      />
    </Modal>
  );
}
