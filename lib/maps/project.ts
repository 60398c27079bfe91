import fs from 'node:fs';
import path from 'node:path';
import { geoArea, geoPath, geoTransverseMercator, type GeoPermissibleObjects } from 'd3-geo';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

/** One kommun's outline, projected to SVG coordinates. */
export interface MapShape {
  /** SCB kommunkod, 4 digits. */
  code: string;
  name: string;
  lanCode: string;
  /** SVG path data. */
  d: string;
  /** Where a label or marker can sit (the projected centroid). */
  centroid: [number, number];
  /** Projected [[x0, y0], [x1, y1]] bounds. */
  bounds: [[number, number], [number, number]];
}

export interface ProjectedMap {
  /** 'riket' or a 2-digit länskod. */
  scope: string;
  width: number;
  height: number;
  shapes: MapShape[];
}

interface KommunProps {
  id: string;
  kom_namn: string;
  lan_code: string;
  /** [lat, lon] as the source gives it. */
  geo_point_2d: [number, number];
}
export type KommunFeature = Feature<Polygon | MultiPolygon, KommunProps>;

/**
 * d3-geo reads a ring's winding on the sphere: a polygon drawn the other way round covers the rest of the
 * globe. GeoJSON files (RFC 7946) wind exteriors counter-clockwise, d3 wants clockwise; reverse every ring of a
 * feature whose area comes out larger than a hemisphere.
 */
export function d3Winding(f: KommunFeature): KommunFeature {
  if (geoArea(f as GeoPermissibleObjects) <= 2 * Math.PI) return f;
  const rev = (rings: number[][][]) => rings.map((r) => [...r].reverse());
  const geometry: Polygon | MultiPolygon =
    f.geometry.type === 'Polygon'
      ? { type: 'Polygon', coordinates: rev(f.geometry.coordinates) }
      : { type: 'MultiPolygon', coordinates: f.geometry.coordinates.map(rev) };
  return { ...f, geometry };
}

/**
 * Projects the kommuner of one län (or all of Sweden) with a transverse Mercator centred on 15° E (as SWEREF 99
 * TM), fitted to the given width; the height follows the area's shape. Pure: pass the features.
 */
export function projectKommuner(features: readonly KommunFeature[], scope: string, width: number): ProjectedMap {
  const chosen = features.filter((f) => scope === 'riket' || f.properties.lan_code === scope).map(d3Winding);
  if (chosen.length === 0) return { scope, width, height: 0, shapes: [] };
  const collection: FeatureCollection<Polygon | MultiPolygon, KommunProps> = { type: 'FeatureCollection', features: chosen };
  // Fit on a tall canvas first, then cut the height down to the area's own aspect.
  const projection = geoTransverseMercator().rotate([-15, 0]).fitWidth(width, collection);
  const measure = geoPath(projection);
  const [[, y0], [, y1]] = measure.bounds(collection);
  const height = Math.ceil(y1 - y0 + 2);
  projection.translate([projection.translate()[0], projection.translate()[1] - y0 + 1]);
  const path = geoPath(projection).digits(1);
  const shapes = chosen
    .map((f) => {
      const c = path.centroid(f);
      return {
        code: f.properties.id,
        name: f.properties.kom_namn,
        lanCode: f.properties.lan_code,
        d: path(f) ?? '',
        centroid: [Math.round(c[0] * 10) / 10, Math.round(c[1] * 10) / 10] as [number, number],
        bounds: path.bounds(f) as [[number, number], [number, number]],
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  return { scope, width, height, shapes };
}

/** Projects one point ([lon, lat]) with the same projection as projectKommuner, for tests and markers. */
export function projectionFor(features: readonly KommunFeature[], scope: string, width: number) {
  const chosen = features.filter((f) => scope === 'riket' || f.properties.lan_code === scope).map(d3Winding);
  const collection: FeatureCollection<Polygon | MultiPolygon, KommunProps> = { type: 'FeatureCollection', features: chosen };
  const projection = geoTransverseMercator().rotate([-15, 0]).fitWidth(width, collection);
  const [[, y0]] = geoPath(projection).bounds(collection);
  projection.translate([projection.translate()[0], projection.translate()[1] - y0 + 1]);
  return projection;
}

let features: KommunFeature[] | null = null;
const cache = new Map<string, ProjectedMap>();

/** The kommun outlines shipped in data-imports/geo (read once per process). */
export function kommunFeatures(): KommunFeature[] {
  if (!features) {
    const dir = path.resolve(/*turbopackIgnore: true*/ process.env.DATA_IMPORTS_DIR ?? path.join(process.cwd(), 'data-imports'));
    const json = JSON.parse(
      fs.readFileSync(path.join(/*turbopackIgnore: true*/ dir, 'geo', 'kommuner.geojson'), 'utf8'),
    ) as FeatureCollection<Polygon | MultiPolygon, KommunProps>;
    features = json.features;
  }
  return features;
}

/** Widths the maps are drawn at: a län fills a column, Sweden is tall and narrow. */
export const MAP_WIDTH = { lan: 400, riket: 300 } as const;

/** The projected map of a län ('20') or of all Sweden ('riket'), projected once per process and scope. */
export function mapFor(scope: string): ProjectedMap {
  let m = cache.get(scope);
  if (!m) {
    m = projectKommuner(kommunFeatures(), scope, scope === 'riket' ? MAP_WIDTH.riket : MAP_WIDTH.lan);
    cache.set(scope, m);
  }
  return m;
}
