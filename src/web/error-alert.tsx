import { Alert, Button, Typography } from 'antd';
import { isApiError } from './api.ts';
import { common, getLang, translate, useT } from './i18n.ts';
import { errorWords } from './shell.i18n.ts';

/** What went wrong, in words the user can act on; never a bare code or request id. */
export function errorMessage(err: unknown): string {
  if (isApiError(err)) return err.message;
  if (err instanceof Error && /[\u4e00-\u9fff]/.test(err.message)) return err.message;
  return translate(errorWords, getLang(), 'fallback');
}

/**
 * The API's own Chinese message as the title; the request id below it, small and grey, for
 * the help desk to trace (a user reads the message, not the id).
 */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT(common);
  const requestId = isApiError(error) ? error.requestId : undefined;
  return (
    <Alert
      type="error"
      showIcon
      title={errorMessage(error)}
      description={
        requestId ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="error-request-id">
            {t('requestId')}：{requestId}
          </Typography.Text>
        ) : undefined
      }
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('retry')}
          </Button>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
}
