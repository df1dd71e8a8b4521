import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('TRUST_PROXY', () => {
  it('trusts no proxy unless told', () => {
    expect(loadConfig({}).trustProxy).toEqual([]);
    expect(loadConfig({ TRUST_PROXY: '' }).trustProxy).toEqual([]);
  });

  it('reads comma-separated addresses and CIDRs, IPv4 and IPv6', () => {
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1,fd00::/8' }).trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
      'fd00::/8',
    ]);
  });

  it.each(['true', '*', 'localhost', '10.0.0.0/33', '10.0.0/8', '10.0.0.0/8/1', '::1/129', '10.0.0.0/', '1.2.3.4;5'])(
    'refuses to start with TRUST_PROXY=%s, saying why in Chinese',
    (value) => {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/配置错误：TRUST_PROXY .*无效/);
    },
  );
});

describe('PORTAL_DEMO_CODES: the one-time code on the phone page is a demo convenience only', () => {
  it('is on for the embedded demo county with the console channel', () => {
    expect(loadConfig({}).portalDemoCodes).toBe(true);
    expect(loadConfig({ PORTAL_DEMO_CODES: 'on', DEMO_PROFILE: 'tiny' }).portalDemoCodes).toBe(true);
  });

  it('is off when asked, on a database server, without a demo county, or with an SMS gateway', () => {
    expect(loadConfig({ PORTAL_DEMO_CODES: 'off' }).portalDemoCodes).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://app@db/onecounty' }).portalDemoCodes).toBe(false);
    expect(loadConfig({ DEMO_PROFILE: 'none' }).portalDemoCodes).toBe(false);
    expect(loadConfig({ SMS_GATEWAY_URL: 'https://sms.example/send' }).portalDemoCodes).toBe(false);
  });

  it('a production server never shows it, whatever PORTAL_DEMO_CODES says', () => {
    for (const value of ['on', 'yes', 'true', '1', ''])
      expect(
        loadConfig({ DATABASE_URL: 'postgres://app@db/onecounty', DEMO_PROFILE: 'none', PORTAL_DEMO_CODES: value })
          .portalDemoCodes,
      ).toBe(false);
  });
});
