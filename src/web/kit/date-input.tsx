import { DatePicker, TimePicker } from 'antd';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import type { CSSProperties } from 'react';
import { useT } from '../i18n.ts';
import { kitMessages } from './kit.i18n.ts';

dayjs.extend(customParseFormat);

/**
 * Dates and clock times as the API speaks them (`YYYY-MM-DD`, `HH:mm`), picked with antd's
 * pickers: a browser <input type="date"> shows the PC's locale (MM/DD/YYYY on many county
 * PCs), these show 2026-03-01 everywhere. A value is a calendar date, so no time zone applies.
 */
const DATE = 'YYYY-MM-DD';
const CLOCK = 'HH:mm';

interface Props {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  disabled?: boolean;
  id?: string;
  'aria-label'?: string;
  'data-testid'?: string;
}

export function DateInput({ value, onChange, allowClear = true, ...rest }: Props) {
  return (
    <DatePicker
      {...rest}
      format={DATE}
      allowClear={allowClear}
      value={value ? dayjs(value, DATE) : null}
      onChange={(d) => onChange?.(d ? d.format(DATE) : undefined)}
    />
  );
}

export function TimeInput({ value, onChange, allowClear = false, ...rest }: Props) {
  return (
    <TimePicker
      {...rest}
      format={CLOCK}
      needConfirm={false}
      allowClear={allowClear}
      value={value ? dayjs(value, CLOCK) : null}
      onChange={(d) => onChange?.(d ? d.format(CLOCK) : undefined)}
    />
  );
}

/** A from–to pair of dates (either end may be open). */
export function DateRangeInput({
  from,
  to,
  onChange,
  style,
  placeholder,
}: {
  from?: string;
  to?: string;
  onChange: (range: { from?: string; to?: string }) => void;
  style?: CSSProperties;
  placeholder?: [string, string];
}) {
  const k = useT(kitMessages);
  const ends = placeholder ?? [k('dateFrom'), k('dateTo')];
  return (
    <DatePicker.RangePicker
      format={DATE}
      allowEmpty={[true, true]}
      placeholder={ends}
      style={style}
      aria-label={ends.join(k('dateRangeJoin'))}
      value={[from ? dayjs(from, DATE) : null, to ? dayjs(to, DATE) : null]}
      onChange={(v) => onChange({ from: v?.[0]?.format(DATE), to: v?.[1]?.format(DATE) })}
    />
  );
}
