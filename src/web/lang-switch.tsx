import { Segmented } from 'antd';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { common, setLang, translate, useLang, type Lang } from './i18n.ts';

/** 中文 / EN: the staff header and the public pages (phone booking, ticket, screen) share it. */
export function LangSwitch({ style }: { style?: React.CSSProperties }) {
  const lang = useLang();
  return (
    <Segmented<Lang>
      size="small"
      value={lang}
      onChange={setLang}
      options={[
        { label: translate(common, lang, 'langZh'), value: 'zh' },
        { label: translate(common, lang, 'langEn'), value: 'en' },
      ]}
      aria-label="language"
      style={style}
    />
  );
}

/**
 * `?lang=en` on a public link: a screen on the wall or a QR code printed for visitors can be
 * set up in English without anyone touching the page. Chinese stays the default.
 */
export function useLangFromLink(): void {
  const [params] = useSearchParams();
  const wanted = params.get('lang');
  useEffect(() => {
    if (wanted === 'en' || wanted === 'zh') setLang(wanted);
  }, [wanted]);
}
