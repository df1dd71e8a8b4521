import { Alert, Modal, Typography } from 'antd';
import { common, useT } from '../../web/i18n.ts';
import { staffMessages } from './staff.i18n.ts';

/** The one moment the temporary password exists in clear: the server keeps only its hash. */
export function TempPasswordModal({
  result,
  onClose,
}: {
  result: { username: string; displayName: string; password: string };
  onClose: () => void;
}) {
  const t = useT(staffMessages);
  const c = useT(common);
  return (
    <Modal
      open
      title={t('tempTitle')}
      onCancel={onClose}
      onOk={onClose}
      okText={c('confirm')}
      cancelButtonProps={{ style: { display: 'none' } }}
      mask={{ closable: false }}
    >
      <Alert
        type="warning"
        showIcon
        title={t('tempHint', { name: result.displayName, username: result.username })}
        style={{ marginBottom: 16 }}
      />
      <Typography.Paragraph copyable={{ text: result.password }} style={{ fontSize: 20, textAlign: 'center' }}>
        <span className="oc-mono" data-testid="temporary-password">
          {result.password}
        </span>
      </Typography.Paragraph>
    </Modal>
  );
}
