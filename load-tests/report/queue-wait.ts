// Per-request figures leave out the waiting-room polls: the scenarios tag every request with
// queue_wait, and list `http_req_duration{queue_wait:false}` (and `http_reqs{queue_wait:false}`)
// in their thresholds so k6 puts those sub-metrics in the summary. Where a summary lacks them,
// the whole metric is read instead; the report names the metric each figure came from.
export const requestDurationWithoutQueueWait = [
  'http_req_duration{queue_wait:false}',
  'http_req_duration',
];

export const requestsWithoutQueueWait = ['http_reqs{queue_wait:false}', 'http_reqs'];
