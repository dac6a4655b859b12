// Which traces are recorded (`tracing.sampleRatio`, `tracing.parentBased`): a new trace is kept
// by its trace ID's share (OpenTelemetry's TraceIdRatioBased, so every process deciding on one
// trace decides alike); parent-based, a caller's `traceparent` flag decides for its request
// instead. An unsampled request still has its IDs (request-span.ts answers them with flags 00).
import { ParentBasedSampler, TraceIdRatioBasedSampler, type Sampler } from '@opentelemetry/sdk-trace-base';
import type { TracingSettings } from '../../config/config.ts';

export type Sampling = Pick<TracingSettings, 'sampleRatio' | 'parentBased'>;

export const SAMPLE_ALL: Sampling = { sampleRatio: 1, parentBased: true };

export function samplerOf(sampling: Sampling): Sampler {
  const root = new TraceIdRatioBasedSampler(sampling.sampleRatio);
  return sampling.parentBased ? new ParentBasedSampler({ root }) : root;
}
