import { Alert, Button } from 'antd';
import { isApiError } from './api.ts';
import { common, useT } from './i18n.ts';

export function errorMessage(err: unknown): string {
  if (isApiError(err)) return err.message;
  return err instanceof Error ? err.message : String(err);
}

/** The API's own Chinese message, with the request id a help desk can trace. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT(common);
  const requestId = isApiError(error) ? error.requestId : undefined;
  return (
    <Alert
      type="error"
      showIcon
      title={errorMessage(error)}
      description={requestId ? `requestId: ${requestId}` : undefined}
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
