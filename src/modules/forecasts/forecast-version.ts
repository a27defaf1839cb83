/** A forecast version: an immutable set of interval forecasts with its provenance. */
export interface ForecastVersion {
  id: string;
  label: string;
  /** `upload`, or `model:<name>` for versions made by a forecasting model. */
  source: string;
  createdByKeyId: string | null;
  createdByKeyName: string | null;
  createdAt: Date;
  /** Channel codes of the version, sorted. */
  channels: string[];
  firstIntervalStart: Date | null;
  lastIntervalStart: Date | null;
  rowCount: number;
  contentSha256: string;
  uploadId: string | null;
  /** What made a model version: the method per channel and its back-test scores (null for uploads); read only. */
  metadata?: Record<string, unknown> | null;
}

/** One interval of a forecast version, as the staffing module reads them. */
export interface ForecastInterval {
  channelId: number;
  channelCode: string;
  intervalStart: Date;
  volume: number;
  ahtSeconds: number;
  shrinkage: number | null;
  /** The prediction band of the volume (generated versions), null when the version has none. */
  volumeP10: number | null;
  volumeP90: number | null;
}

/** One row given to ForecastsService.createVersion. */
export interface ForecastRowInput {
  channel: string;
  /** An instant, or timestamp text (local to the channel unless it carries an offset). */
  intervalStart: Date | string;
  volume: number;
  ahtSeconds: number;
  shrinkage?: number | null;
  /** 10th and 90th percentile of the volume (a model's prediction band), stored beside it. */
  volumeP10?: number | null;
  volumeP90?: number | null;
}
