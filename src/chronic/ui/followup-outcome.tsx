import { Alert, Button, Descriptions, Result, Space, Tag, Typography } from 'antd';

import { useNavigate } from 'react-router';

import { useLang, useT } from '../../web/i18n.ts';

import { type FollowupResult } from './chronic.api.ts';
import { chronicMessages, CLASS, label } from './chronic.i18n.ts';

/** What a saved follow-up answered: class, next due day, and the referral it opened. */
export function FollowupOutcome({ result }: { result: FollowupResult }) {
  const t = useT(chronicMessages);
  const lang = useLang();
  const navigate = useNavigate();
  const referral = result.referral !== 'none';
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="followup-result">
      <Result
        status={result.controlled ? 'success' : 'warning'}
        title={t('saved')}
        subTitle={result.lateEntry ? <Tag color="orange">{t('lateEntry')}</Tag> : undefined}
        style={{ padding: 16 }}
      />
      <Descriptions bordered size="small" column={1}>
        <Descriptions.Item label={t('classification')}>
          <Tag color={result.classification === 1 ? 'green' : 'orange'}>
            {label(CLASS, String(result.classification), lang)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('nextDue')}>{result.nextDue}</Descriptions.Item>
        <Descriptions.Item label={t('ruleSet')}>{result.ruleSet}</Descriptions.Item>
      </Descriptions>
      {referral ? (
        <Alert
          type={result.referral === 'emergency' ? 'error' : 'warning'}
          showIcon
          title={result.referral === 'emergency' ? t('referralEmergency') : t('referralRecommend')}
          description={
            <Space orientation="vertical">
              <span>{result.reasons.join('；')}</span>
              {result.referralError ? <Typography.Text type="danger">{result.referralError}</Typography.Text> : null}
            </Space>
          }
          action={
            result.referralId ? (
              <Button
                danger={result.referral === 'emergency'}
                type="primary"
                onClick={() => void navigate(`/referrals/${result.referralId}`)}
              >
                {t('viewDraft')}
              </Button>
            ) : undefined
          }
        />
      ) : null}
    </Space>
  );
}
