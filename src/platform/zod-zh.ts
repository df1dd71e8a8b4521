import type { z } from 'zod';

/**
 * zod's built-in messages in plain Chinese, for the server (src/app.ts) and the web forms
 * (src/web/main.tsx) alike. zod's own zhCN locale leaks type names ("期望 string，实际接收
 * 数字"); a clinic user reads "应为文字，收到的是数字" instead. A schema's own message
 * ('请填写姓名') still wins: this map only speaks where a schema says nothing.
 */
type Issue = z.core.$ZodRawIssue;

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  safeint: '整数',
  int32: '整数',
  uint32: '整数',
  bigint: '整数',
  boolean: '是/否',
  array: '列表',
  tuple: '列表',
  object: '对象',
  record: '对象',
  date: '日期',
  null: '空值',
  undefined: '未填写',
  void: '空',
  nan: '无效数字',
  symbol: '符号',
  function: '函数',
  map: '映射',
  set: '集合',
  file: '文件',
  promise: '异步值',
  never: '不允许填写的值',
  nonoptional: '必填值',
};

function typeName(name: string): string {
  return TYPE_NAMES[name] ?? TYPE_NAMES[name.toLowerCase()] ?? '规定的类型';
}

/** What the caller actually sent, in the same words. */
function receivedName(input: unknown): string {
  if (input === null) return '空值';
  if (Array.isArray(input)) return '列表';
  if (input instanceof Date) return Number.isNaN(input.getTime()) ? '无效日期' : '日期';
  if (typeof input === 'number') {
    if (Number.isNaN(input)) return '无效数字';
    if (!Number.isFinite(input)) return '无穷大';
    return Number.isInteger(input) ? '数字' : '小数';
  }
  return typeName(typeof input);
}

function showValue(v: unknown): string {
  if (v === null) return '空值';
  if (v === undefined) return '未填写';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'string') return `「${v}」`;
  return String(v);
}

function showBound(origin: string, v: number | bigint): string {
  if (origin === 'date') {
    const d = new Date(Number(v));
    return Number.isNaN(d.getTime()) ? String(v) : d.toISOString().slice(0, 10);
  }
  return String(v);
}

const FORMATS: Record<string, string> = {
  regex: '格式不正确',
  email: '电子邮箱格式不正确',
  url: '网址格式不正确',
  httpUrl: '网址格式不正确',
  hostname: '主机名格式不正确',
  emoji: '应为表情符号',
  uuid: '编号格式不正确',
  uuidv4: '编号格式不正确',
  uuidv6: '编号格式不正确',
  uuidv7: '编号格式不正确',
  guid: '编号格式不正确',
  nanoid: '编号格式不正确',
  cuid: '编号格式不正确',
  cuid2: '编号格式不正确',
  ulid: '编号格式不正确',
  xid: '编号格式不正确',
  ksuid: '编号格式不正确',
  datetime: '日期时间格式不正确，应如 2026-03-01T08:30:00+08:00',
  date: '日期不正确，应为实际存在的日期，格式 YYYY-MM-DD',
  time: '时间格式不正确，应如 08:30',
  duration: '时长格式不正确',
  ipv4: 'IP 地址格式不正确',
  ipv6: 'IP 地址格式不正确',
  mac: '网卡地址格式不正确',
  cidrv4: '网段格式不正确',
  cidrv6: '网段格式不正确',
  base64: '编码格式不正确',
  base64url: '编码格式不正确',
  json_string: '应为有效的 JSON 文本',
  e164: '电话号码格式不正确',
  lowercase: '应为小写字母',
  uppercase: '应为大写字母',
  jwt: '令牌格式不正确',
  template_literal: '格式不正确',
};

function tooSmall(issue: Extract<Issue, { code: 'too_small' }>): string {
  const n = showBound(issue.origin, issue.minimum);
  switch (issue.origin) {
    case 'string':
      if (issue.exact) return `应为 ${n} 个字`;
      return Number(issue.minimum) <= 1 ? '不能为空' : `至少 ${n} 个字`;
    case 'array':
    case 'set':
    case 'map':
      if (issue.exact) return `应为 ${n} 项`;
      return Number(issue.minimum) <= 1 ? '请至少填写一项' : `至少 ${n} 项`;
    case 'file':
      return `文件不能小于 ${n} 字节`;
    case 'date':
      return issue.inclusive === false ? `应晚于 ${n}` : `不能早于 ${n}`;
    default:
      return issue.inclusive === false ? `应大于 ${n}` : `不能小于 ${n}`;
  }
}

function tooBig(issue: Extract<Issue, { code: 'too_big' }>): string {
  const n = showBound(issue.origin, issue.maximum);
  switch (issue.origin) {
    case 'string':
      return issue.exact ? `应为 ${n} 个字` : `不能超过 ${n} 个字`;
    case 'array':
    case 'set':
    case 'map':
      return issue.exact ? `应为 ${n} 项` : `最多 ${n} 项`;
    case 'file':
      return `文件不能超过 ${n} 字节`;
    case 'date':
      return issue.inclusive === false ? `应早于 ${n}` : `不能晚于 ${n}`;
    default:
      return issue.inclusive === false ? `应小于 ${n}` : `不能大于 ${n}`;
  }
}

function invalidUnion(issue: Extract<Issue, { code: 'invalid_union' }>): string {
  const options: unknown = issue.options;
  if (issue.discriminator !== undefined && Array.isArray(options) && options.length) {
    return `类型不正确，应为以下之一：${options.map(showValue).join('、')}`;
  }
  // "a string or a number": every branch failed on the type of the same value
  const branches = issue.errors;
  const types = branches.map((b) =>
    b.length === 1 && b[0].code === 'invalid_type' && b[0].path.length === 0 ? b[0].expected : null,
  );
  const known = types.filter((t) => t !== null);
  if (types.length && known.length === types.length) {
    const names = [...new Set(known.map(typeName))];
    return `应为${names.join('或')}，收到的是${receivedName(issue.input)}`;
  }
  return '输入不符合要求';
}

export function chineseMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = typeName(issue.expected);
      if (issue.input === undefined) return `未填写，应为${expected}`;
      return `应为${expected}，收到的是${receivedName(issue.input)}`;
    }
    case 'too_small':
      return tooSmall(issue);
    case 'too_big':
      return tooBig(issue);
    case 'invalid_format': {
      if (issue.format === 'starts_with') return `应以「${String(issue.prefix)}」开头`;
      if (issue.format === 'ends_with') return `应以「${String(issue.suffix)}」结尾`;
      if (issue.format === 'includes') return `应包含「${String(issue.includes)}」`;
      return FORMATS[issue.format] ?? '格式不正确';
    }
    case 'not_multiple_of':
      return `应为 ${issue.divisor} 的倍数`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `应为 ${showValue(issue.values[0])}`
        : `应为以下之一：${issue.values.map(showValue).join('、')}`;
    case 'unrecognized_keys':
      return `包含不允许的字段：${issue.keys.map((k) => `「${k}」`).join('、')}`;
    case 'invalid_union':
      return invalidUnion(issue);
    case 'invalid_key':
      return issue.origin === 'map' ? '映射中有不正确的键' : '对象中有不正确的字段名';
    case 'invalid_element':
      return issue.origin === 'map' ? '映射中有不正确的值' : '集合中有不正确的值';
    default:
      return '输入不正确';
  }
}

/** `z.config(chineseErrors)`: replaces zod's locale for every schema of the process. */
export const chineseErrors = { localeError: (issue: Issue) => chineseMessage(issue) } satisfies Parameters<
  typeof z.config
>[0];
