import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { z } from 'zod';
import { switchUser } from '../auth/ui/auth.api.ts';
import { chineseErrors } from '../platform/zod-zh.ts';
import { isApiError, setUnauthorizedHandler } from './api.ts';
import { getLang, useLang } from './i18n.ts';
import { router } from './router.tsx';
import './styles.css';

// forms validate with the server's schemas; their built-in messages are the server's plain Chinese
z.config(chineseErrors);

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // a 4xx will not fix itself; only network blips deserve a retry
      retry: (count, err) => count < 2 && (!isApiError(err) || err.status === 0 || err.status >= 500),
    },
  },
});

// A 401 anywhere means the session ended (idle timeout, revoked): forget everything cached
// for that user; RequireAuth then sends the browser to 登录.
setUnauthorizedHandler(() => switchUser(queryClient, null));

const THEME = {
  token: {
    colorPrimary: '#1668dc',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif",
  },
};

function Root() {
  const lang = useLang();
  useEffect(() => {
    dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={THEME}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}

dayjs.locale(getLang() === 'zh' ? 'zh-cn' : 'en');
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
createRoot(container).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
