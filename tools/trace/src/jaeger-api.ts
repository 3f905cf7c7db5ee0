// The JSON of Jaeger's HTTP query API (`/api/traces/<id>`, `/api/traces?service=…`), as far as
// the waterfall reads it. Times are microseconds since the epoch.

export interface JaegerTag {
  key: string;
  type?: string;
  value: unknown;
}

export interface JaegerReference {
  refType: 'CHILD_OF' | 'FOLLOWS_FROM';
  traceID: string;
  spanID: string;
}

export interface JaegerSpan {
  traceID: string;
  spanID: string;
  operationName: string;
  references?: JaegerReference[] | null;
  startTime: number;
  duration: number;
  tags?: JaegerTag[] | null;
  processID: string;
}

export interface JaegerProcess {
  serviceName: string;
  tags?: JaegerTag[] | null;
}

export interface JaegerTrace {
  traceID: string;
  spans: JaegerSpan[];
  processes: Record<string, JaegerProcess>;
}

export interface JaegerAnswer {
  data: JaegerTrace[] | null;
  errors?: { code: number; msg: string }[] | null;
}
