/**
 * The gazetteer's public contract, used by extraction (finding and resolving places in report text),
 * the `places` CLI command and the API's /api/places. The implementation (loading the shipped data,
 * the name automaton, disambiguation) lives beside this file.
 */

export type PlaceKind =
  | 'capital' // Kyiv
  | 'city'
  | 'urban_settlement' // смт / селище (міського типу)
  | 'village'
  | 'rural_settlement' // селище
  | 'city_district' // a district (район у місті) of a large city
  | 'hromada'
  | 'raion'
  | 'oblast';

export interface Place {
  /** Stable id: the KATOTTG code where the place has one. */
  id: string;
  katottg: string | null;
  kind: PlaceKind;
  /** National romanization (Kyiv, Odesa, Zaporizhzhia, Kryvyi Rih). Oblasts without "Oblast". */
  name: string;
  name_uk: string;
  name_ru: string | null;
  /** Oblast name in romanization without "Oblast" ("Kharkiv"); Kyiv city's oblast is "Kyiv". */
  oblast: string | null;
  raion: string | null; // "Kharkivskyi"
  hromada: string | null;
  /** For a city district: the city it belongs to. */
  city: string | null;
  lat: number | null;
  lon: number | null;
  /** exact: the place's own point from a source; approximate: a parent's centre (hromada, raion). */
  coord_source: 'exact' | 'approximate' | 'none';
  population: number | null;
}

/** One occurrence of a place name in a text, with every place it could be. */
export interface PlaceSpan {
  start: number; // offsets into the text (UTF-16 indices): text.slice(start, end) === text
  end: number;
  text: string;
  /** The kinds this span names: a settlement, a district, a raion, a hromada or an oblast. */
  level: 'settlement' | 'city_district' | 'hromada' | 'raion' | 'oblast';
  /** All matching places, best first. More than one = ambiguous until disambiguated. */
  candidates: Place[];
  /** A word before or after the name that says what it is ("village of", "Oblast", "смт", "район"). */
  qualifier: string | null;
  /** The name stood in a "near X" / "під X" / "outskirts of X" construction: geo precision 2. */
  near: boolean;
}

/** A span after disambiguation against the other places of the report. */
export interface ResolvedPlace {
  span: PlaceSpan;
  place: Place | null; // null when still ambiguous
  ambiguous: boolean;
  candidates: Place[]; // the remaining candidates (one when resolved)
  /** Why this candidate: "oblast named in same sentence", "only candidate", "largest population"... */
  reason: string;
}

export interface PlaceSearchResult extends Place {
  /** 1 settlement, 2 approximate coordinates, 3 region only (as the event contract's geo_precision). */
  precision: 1 | 2 | 3;
  score: number;
}

export interface Gazetteer {
  /** Every place-name occurrence in the text (any language), in text order, overlaps removed. */
  scan(text: string): PlaceSpan[];
  /** Disambiguate spans using the oblast/raion/hromada named near each, then the report's other places. */
  resolve(spans: PlaceSpan[], text: string): ResolvedPlace[];
  /** Search by name in any form and script, best first (for the CLI and the API). */
  search(query: string, options?: { oblast?: string; limit?: number }): PlaceSearchResult[];
  /** An oblast by any of its names or forms ("Kharkiv", "Харківщина", "Kharkivska oblast"). */
  oblast(name: string): Place | null;
  /** All oblasts (27 units incl. Crimea, Kyiv city, Sevastopol). */
  oblasts(): Place[];
}
