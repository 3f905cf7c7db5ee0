export type { JaegerAnswer, JaegerProcess, JaegerSpan, JaegerTrace } from './jaeger-api';
export { fetchTrace, searchTraces, traceSearchUrl, type TraceSearch } from './jaeger-client';
export { findSlowestTrace, slowestOf } from './slowest-trace';
export { waterfallSvg } from './svg-waterfall';
export { waterfallMarkdown, waterfallText, type TextOptions } from './text-waterfall';
export { toWaterfall, type Waterfall, type WaterfallRow } from './waterfall';
export { formatMicros } from './durations';
export { sendToZipkin, toZipkinSpans, type ZipkinSpan } from './zipkin';
