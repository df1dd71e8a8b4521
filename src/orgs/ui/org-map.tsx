import { Empty, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { useLang, useT } from '../../web/i18n.ts';
import type { Org, OrgKind } from '../orgs.schema.ts';
import { KIND_COLORS, kindLabel, orgMessages } from './orgs.i18n.ts';

const WIDTH = 640;
const HEIGHT = 420;
const PAD = 24;
const RADIUS: Record<OrgKind, number> = {
  county: 10,
  county_hospital: 9,
  township_center: 7,
  community_center: 7,
  village_clinic: 4,
  partner_hospital: 6,
};

/** hubs get a name on the map; the many village clinics only on hover, or it turns to noise */
const LABELLED = new Set<OrgKind>(['county', 'township_center', 'community_center']);

interface Placed {
  org: Org;
  x: number;
  y: number;
}

/**
 * A plain SVG scatter of the county (no map tiles: clinics often have no internet access
 * beyond the group network, and a tile server would learn where staff look). Longitude is
 * scaled by cos(latitude) so distances look right at Shanxi's ~37°N.
 */
function place(orgs: readonly Org[]): Placed[] {
  const located = orgs.filter(
    (o): o is Org & { lat: number; lng: number } => o.lat !== null && o.lng !== null && o.kind !== 'partner_hospital',
  );
  if (located.length === 0) return [];
  const lats = located.map((o) => o.lat);
  const lngs = located.map((o) => o.lng);
  const [minLat, maxLat, minLng, maxLng] = [Math.min(...lats), Math.max(...lats), Math.min(...lngs), Math.max(...lngs)];
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxLng - minLng) * kx, 1e-4);
  const spanY = Math.max(maxLat - minLat, 1e-4);
  const scale = Math.min((WIDTH - 2 * PAD) / spanX, (HEIGHT - 2 * PAD) / spanY);
  const offX = (WIDTH - spanX * scale) / 2;
  const offY = (HEIGHT - spanY * scale) / 2;
  return located.map((o) => ({ org: o, x: offX + (o.lng - minLng) * kx * scale, y: offY + (maxLat - o.lat) * scale }));
}

export function OrgMap({
  orgs,
  highlight,
  onSelect,
}: {
  orgs: readonly Org[];
  /** when set, other orgs are dimmed (the subtree chosen in the tree) */
  highlight: ReadonlySet<number> | null;
  onSelect: (id: number) => void;
}) {
  const lang = useLang();
  const t = useT(orgMessages);
  const placed = useMemo(() => place(orgs), [orgs]);
  const byId = useMemo(() => new Map(placed.map((p) => [p.org.id, p])), [placed]);
  if (placed.length === 0) return <Empty description={t('noCoords')} />;
  // big dots last, so a hospital is never hidden under a village clinic
  const drawOrder = [...placed].sort((a, b) => RADIUS[a.org.kind] - RADIUS[b.org.kind]);
  const kinds = [...new Set(placed.map((p) => p.org.kind))];
  const dim = (id: number) => highlight !== null && !highlight.has(id);

  return (
    <div>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-label={t('map')}
        style={{ display: 'block', background: '#f7fafc', borderRadius: 6 }}
      >
        {placed.map((p) => {
          const parent = p.org.parentId === null ? undefined : byId.get(p.org.parentId);
          if (!parent || parent.org.kind === 'county') return null;
          return (
            <line
              key={`l${p.org.id}`}
              x1={p.x}
              y1={p.y}
              x2={parent.x}
              y2={parent.y}
              stroke="#c9d3df"
              strokeWidth={1}
              opacity={dim(p.org.id) ? 0.3 : 1}
            />
          );
        })}
        {drawOrder.map((p) => (
          <circle
            key={p.org.id}
            cx={p.x}
            cy={p.y}
            r={RADIUS[p.org.kind]}
            fill={KIND_COLORS[p.org.kind]}
            fillOpacity={dim(p.org.id) ? 0.15 : 0.85}
            stroke="#fff"
            strokeWidth={1.5}
            style={{ cursor: 'pointer' }}
            onClick={() => onSelect(p.org.id)}
            data-org={p.org.code}
            data-kind={p.org.kind}
          >
            <title>{`${p.org.name}（${kindLabel(p.org.kind, lang)}）`}</title>
          </circle>
        ))}
        {placed
          .filter((p) => LABELLED.has(p.org.kind))
          .map((p) => (
            <text
              key={`t${p.org.id}`}
              x={p.x + RADIUS[p.org.kind] + 3}
              y={p.y + 4}
              fontSize={12}
              fill="#3b4a5a"
              opacity={dim(p.org.id) ? 0.3 : 1}
              style={{ pointerEvents: 'none', paintOrder: 'stroke' }}
              stroke="#f7fafc"
              strokeWidth={3}
            >
              {p.org.name}
            </text>
          ))}
      </svg>
      <Space wrap size={[16, 4]} style={{ marginTop: 8 }}>
        {kinds.map((k) => (
          <span key={k}>
            <svg width="10" height="10" style={{ marginInlineEnd: 4 }}>
              <circle cx="5" cy="5" r="5" fill={KIND_COLORS[k]} />
            </svg>
            {kindLabel(k, lang)}
          </span>
        ))}
      </Space>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 0' }}>
        {t('mapNote')}
      </Typography.Paragraph>
    </div>
  );
}
