import { Button, Result, Spin } from 'antd';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useMe } from '../auth/ui/auth.api.ts';
import { mayCall, type PolicyRoute } from './access.ts';
import { ErrorAlert } from './error-alert.tsx';
import { common, useT } from './i18n.ts';

export const CHANGE_PASSWORD_PATH = '/change-password';

export function FullPageSpin() {
  return (
    <div className="oc-center">
      <Spin size="large" />
    </div>
  );
}

/**
 * The signed-in area. An account on a temporary password is held on 修改密码 until it sets
 * its own (the API refuses everything else anyway, this just says so up front).
 */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <FullPageSpin />;
  if (me.isError)
    return (
      <div className="oc-center">
        <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />
      </div>
    );
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (me.data.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  }
  return <Outlet />;
}

export function Forbidden() {
  const t = useT(common);
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title="403"
      subTitle={t('forbidden')}
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          {t('goHome')}
        </Button>
      }
    />
  );
}

export function NotFound() {
  const t = useT(common);
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('notFound')}
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          {t('goHome')}
        </Button>
      }
    />
  );
}

/** A page shown only to roles the policy lets call the API route it depends on. */
export function Allowed({ route }: { route: PolicyRoute }) {
  const me = useMe();
  if (!me.data || !mayCall(me.data.roles, route)) return <Forbidden />;
  return <Outlet />;
}
