import { Tabs } from 'antd';
import { useT } from '../../web/i18n.ts';
import { Page } from '../../web/page.tsx';
import { CalendarTab } from './calendar-tab.tsx';
import { calendarMessages } from './calendar.i18n.ts';
import { DutyTab } from './criticals-tabs.tsx';
import { criticalMessages } from './criticals.i18n.ts';

/**
 * /remote/schedule 值班与工作日历: who is on duty for the critical-value escalation, and the
 * days off the report time limits count by. The administrator and a township centre's lead
 * keep the roster; the administrator keeps the calendar; the medical office reads both.
 */
export function RemoteSchedulePage() {
  const t = useT(criticalMessages);
  const c = useT(calendarMessages);
  return (
    <Page title={c('pageTitle')}>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'duty', label: t('tabDuty'), children: <DutyTab /> },
          { key: 'calendar', label: c('tab'), children: <CalendarTab /> },
        ]}
      />
    </Page>
  );
}
