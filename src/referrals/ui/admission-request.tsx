import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { orgDetail } from '../../orgs/orgs.schema.ts';
import { apiGet, apiSend } from '../../web/api.ts';
import { useMayCall } from '../../web/current-user.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { useT } from '../../web/i18n.ts';
import { admission } from '../admission.schema.ts';
import type { ReferralDetail } from '../referral.schema.ts';
import { referralDetailMessages } from './referrals.i18n.ts';

/** 申请住院 for an arrived up-referral: the request inherits the referral's 三优先 flag. */
export function AdmissionRequest({ referral }: { referral: ReferralDetail }) {
  const t = useT(referralDetailMessages);
  const may = useMayCall('POST /api/admissions');
  const show = may && referral.direction === 'up' && (referral.status === 'arrived' || referral.status === 'accepted');
  const org = useQuery({
    queryKey: ['org', referral.toOrg.id],
    queryFn: () => apiGet(`/api/orgs/${referral.toOrg.id}`, orgDetail),
    enabled: show,
  });
  const [dept, setDept] = useState<number | undefined>(referral.toDepartment?.id);
  const request = useMutation({
    mutationFn: () =>
      apiSend(
        'POST',
        '/api/admissions',
        { residentId: referral.residentId, departmentId: dept, urgency: referral.urgency, referralId: referral.id },
        admission,
      ),
  });
  if (!show) return null;
  return (
    <Space wrap style={{ marginTop: 8 }}>
      <Select
        style={{ width: 160 }}
        placeholder={t('admissionDepartment')}
        aria-label={t('admissionDepartment')}
        value={dept}
        onChange={setDept}
        options={(org.data?.departments ?? [])
          .filter((d) => d.speciality !== undefined)
          .map((d) => ({ value: d.id, label: d.name }))}
      />
      <Button disabled={!dept || request.isSuccess} loading={request.isPending} onClick={() => request.mutate()}>
        {t('requestAdmission')}
      </Button>
      {request.isSuccess ? (
        <Typography.Text type="success">
          {t('admissionQueued', { department: request.data.departmentName })}
          {request.data.priority ? t('admissionQueuedPriority') : ''}
        </Typography.Text>
      ) : null}
      {request.isError ? <ErrorAlert error={request.error} /> : null}
    </Space>
  );
}
