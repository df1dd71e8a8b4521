/** Masking of personal identifiers for roles without a need to see them (GB/T 39725). */
export function maskIdNumber(value: string): string {
  return value.length === 18 ? `${value.slice(0, 4)}**********${value.slice(14)}` : '******';
}

export function maskMobile(value: string | null): string | null {
  return value && value.length === 11 ? `${value.slice(0, 3)}****${value.slice(7)}` : value;
}

/** 张三明 → 张*明, 李四 → 李*: for screens and lists seen by the public */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}
