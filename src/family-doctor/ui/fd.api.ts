import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { pageOf } from '../../platform/list.schema.ts';
import { apiGet } from '../../web/api.ts';
import { contractQuery, deliveryCreate, packageCreate, teamMember } from '../fd.schema.ts';

/** the enums of src/family-doctor/fd.tables.ts, read through the shared schema (ui/ imports schemas only) */
export const KEY_POPS = contractQuery.shape.keyPop.unwrap().options;
export const TEAM_ROLES = teamMember.shape.role.options;
export const SERVICE_KINDS = deliveryCreate.shape.serviceKind.options;
export const PACKAGE_CATEGORIES = packageCreate.shape.category.options;
export const PACKAGE_TARGETS = packageCreate.shape.target.unwrap().options;
export type KeyPop = (typeof KEY_POPS)[number];
export type TeamRole = (typeof TEAM_ROLES)[number];
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/** The family-doctor pages' typed reads: the answers of src/family-doctor/*.service.ts. */

const keyPop = z.enum(KEY_POPS);
const serviceKind = z.enum(SERVICE_KINDS);

export const team = z.object({
  id: z.number(),
  name: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  leadStaffId: z.number(),
  leadName: z.string(),
  active: z.boolean(),
  activeContracts: z.number(),
  members: z.array(
    z.object({
      staffId: z.number(),
      name: z.string(),
      orgName: z.string(),
      role: z.enum(TEAM_ROLES),
      fromDate: z.string(),
      toDate: z.string().nullable(),
    }),
  ),
  villages: z.array(z.object({ id: z.number(), name: z.string() })),
});
export type Team = z.infer<typeof team>;
export const teamList = z.object({ items: z.array(team) });

export const fdPackage = z.object({
  id: z.number(),
  code: z.string(),
  version: z.number(),
  name: z.string(),
  category: z.enum(PACKAGE_CATEGORIES),
  target: z.string().nullable(),
  priceFen: z.number(),
  fundPublicHealthFen: z.number(),
  fundInsuranceFen: z.number(),
  fundSelfFen: z.number(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  current: z.boolean(),
  items: z.array(
    z.object({
      itemCode: z.string(),
      name: z.string(),
      serviceKind: serviceKind,
      quota: z.number(),
      unit: z.string(),
      countsAsFollowup: z.boolean(),
    }),
  ),
});
export type FdPackage = z.infer<typeof fdPackage>;
export const packageList = z.object({ items: z.array(fdPackage) });

export const fdSettings = z.object({
  gridMaxPatients: z.number(),
  doctorMaxGrids: z.number(),
  renewalWindowDays: z.number(),
  idleDays: z.number(),
});

export const contractRow = z.object({
  id: z.number(),
  residentId: z.number(),
  residentName: z.string(),
  sex: z.enum(['M', 'F']),
  age: z.number(),
  idNumber: z.string(),
  mobile: z.string().nullable(),
  householdNo: z.string().nullable(),
  orgName: z.string(),
  teamName: z.string(),
  doctorName: z.string(),
  gridMemberName: z.string().nullable(),
  cadreName: z.string().nullable(),
  status: z.enum(['active', 'terminated']),
  keyPops: z.array(keyPop),
  start: z.string(),
  end: z.string(),
  signedTo: z.string(),
  endReason: z.string().nullable(),
  packages: z.array(z.string()),
  fulfilment: z.number().nullable(),
  lastDelivery: z.string().nullable(),
  renewed: z.boolean(),
  renewal: z.boolean(),
});
export type ContractRow = z.infer<typeof contractRow>;
export const contractPage = pageOf(contractRow);

export const contractDetail = z.object({
  id: z.number(),
  residentId: z.number(),
  residentName: z.string(),
  sex: z.enum(['M', 'F']),
  age: z.number(),
  idNumber: z.string(),
  mobile: z.string().nullable(),
  orgName: z.string(),
  teamId: z.number(),
  teamName: z.string(),
  doctorStaffId: z.number(),
  doctorName: z.string(),
  cadreName: z.string().nullable(),
  status: z.enum(['active', 'terminated']),
  keyPops: z.array(keyPop),
  start: z.string(),
  end: z.string(),
  signedTo: z.string(),
  signatureKind: z.enum(['drawn', 'scan']),
  signature: z.string(),
  endReason: z.string().nullable(),
  renewedFromId: z.number().nullable(),
  renewedById: z.number().nullable(),
  fulfilment: z.number().nullable(),
  entitlements: z.array(
    z.object({
      id: z.number(),
      packageName: z.string(),
      itemCode: z.string(),
      name: z.string(),
      serviceKind: serviceKind,
      quota: z.number(),
      used: z.number(),
      countsAsFollowup: z.boolean(),
    }),
  ),
  deliveries: z.array(
    z.object({
      id: z.number(),
      serviceKind: serviceKind,
      deliveredOn: z.string(),
      source: z.string(),
      counted: z.boolean(),
      staffName: z.string().nullable(),
    }),
  ),
  events: z.array(
    z.object({
      action: z.enum(['sign', 'renew', 'terminate', 'change_team']),
      reason: z.string().nullable(),
      detail: z.unknown(),
      at: z.string(),
      staffName: z.string().nullable(),
    }),
  ),
});
export type ContractDetail = z.infer<typeof contractDetail>;

export const household = z.object({
  householdNo: z.string().nullable(),
  team: z.object({ id: z.number(), name: z.string() }).nullable(),
  members: z.array(
    z.object({
      residentId: z.number(),
      name: z.string(),
      sex: z.enum(['M', 'F']),
      age: z.number(),
      idNumber: z.string(),
      orgName: z.string(),
      deceased: z.boolean(),
      contractId: z.number().nullable(),
      contractTo: z.string().nullable(),
      keyPops: z.array(keyPop),
    }),
  ),
});
export type Household = z.infer<typeof household>;
export type HouseholdMember = Household['members'][number];

export const signResult = z.object({
  contracts: z.array(z.object({ residentId: z.number(), contractId: z.number(), replayed: z.boolean() })),
});
export const renewResult = z.object({ contractId: z.number(), replayed: z.boolean() });
export const okId = z
  .object({ contractId: z.number() })
  .or(z.object({ id: z.number() }))
  .or(z.object({}).loose());
export const deliveryResult = z.object({ status: z.string() }).loose();

export function useTeams(enabled = true) {
  return useQuery({ queryKey: ['fd-teams'], queryFn: () => apiGet('/api/fd/teams', teamList), enabled });
}
export function usePackages() {
  return useQuery({ queryKey: ['fd-packages'], queryFn: () => apiGet('/api/fd/packages', packageList) });
}
export function useSettings(enabled = true) {
  return useQuery({ queryKey: ['fd-settings'], queryFn: () => apiGet('/api/fd/settings', fdSettings), enabled });
}

/** a package item's unit as stored (data, not a word of the interface) */
export const DEFAULT_UNIT = '次';

export const newClientId = (): string => crypto.randomUUID();
