/**
 * The map: oblast polygons as the only base layer (no tile server: the dashboard must work on a
 * closed network and under CSP default-src 'self'), events as canvas circle markers sized by
 * casualties and coloured by weapon. Clicking a marker opens the event; clicking an oblast filters by it.
 */
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'preact/hooks';
import { filters, setFilter } from '../filters.js';
import { loadOblastShapes } from '../oblast-shapes.js';
import { eventHref, navigate } from '../router.js';
import type { EventListItem } from '../types.js';
import { weaponColor } from '../vocabulary.js';
import { markerRadius, tooltipNode } from './map-marker.js';

export const SHAPES_ATTRIBUTION = 'Boundaries © Мінрегіон, CC BY-SA 4.0 (simplified)';

// Ukraine's extent, for the first view before the shapes arrive.
const UKRAINE: L.LatLngBoundsExpression = [
  [44.3, 22.1],
  [52.4, 40.2],
];

export function MapView({ events }: { events: readonly EventListItem[] }) {
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const markers = useRef<L.LayerGroup | null>(null);
  const shapes = useRef<L.GeoJSON | null>(null);

  useEffect(() => {
    // No attribution control: its default prefix links outside, and the dashboard prints the
    // shapes' attribution under the map itself (SHAPES_ATTRIBUTION).
    const m = L.map(el.current!, { preferCanvas: true, zoomSnap: 0.25, minZoom: 4, maxZoom: 13, attributionControl: false });
    m.fitBounds(UKRAINE);
    markers.current = L.layerGroup().addTo(m);
    map.current = m;
    let gone = false;
    loadOblastShapes()
      .then((geo) => {
        if (gone) return;
        const layer = L.geoJSON(geo, {
          style: () => ({ color: '#7a8593', weight: 1, fillColor: '#eef1f4', fillOpacity: 1 }),
          onEachFeature: (feature, lyr) => {
            const name = String((feature.properties as { name?: unknown } | null)?.name ?? '');
            lyr.on('click', () => setFilter('oblast', filters.value.oblast === name ? undefined : name));
          },
        });
        layer.addTo(m);
        layer.bringToBack();
        m.fitBounds(layer.getBounds(), { padding: [4, 4] });
        shapes.current = layer;
        highlightOblast();
      })
      .catch((err: unknown) => console.error('oblast shapes', err));
    return () => {
      gone = true;
      m.remove();
    };
  }, []);

  const highlightOblast = () => {
    const selected = filters.value.oblast;
    shapes.current?.setStyle((f) => {
      const on = (f?.properties as { name?: string } | undefined)?.name === selected;
      return { fillColor: on ? '#dbe4ff' : '#eef1f4', weight: on ? 2 : 1, color: on ? '#4263eb' : '#7a8593' };
    });
  };
  useEffect(highlightOblast, [filters.value.oblast]);

  useEffect(() => {
    const group = markers.current;
    if (!group) return;
    group.clearLayers();
    // Big circles first so the small ones drawn later stay clickable on top.
    const placed = events
      .filter((e) => e.location.lat !== null && e.location.lon !== null)
      .sort((a, b) => markerRadius(b) - markerRadius(a));
    for (const e of placed) {
      const color = weaponColor(e.weapons);
      L.circleMarker([e.location.lat!, e.location.lon!], {
        radius: markerRadius(e),
        color: '#212529',
        weight: 0.7,
        fillColor: color,
        fillOpacity: 0.75,
      })
        .bindTooltip(tooltipNode(e), { direction: 'top', sticky: true })
        .on('click', () => navigate(eventHref(e.id)))
        .addTo(group);
    }
    el.current!.dataset.markers = String(placed.length);
  }, [events]);

  return <div ref={el} class="map" role="region" aria-label="Map of events" data-markers="0" />;
}
