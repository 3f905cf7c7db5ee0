import { capacityScenarios } from './scenarios';
import { simulateWaitingRoom, type WaitingRoomFigures } from './waiting-room-model';

const count = (value: number) => Math.round(value).toLocaleString('en-GB');
const seconds = (value: number | null) => (value === null ? '—' : `${count(value)} s`);

function row(f: WaitingRoomFigures): string {
  return [
    f.name,
    seconds(f.preQueueThroughSeconds),
    seconds(f.drainSeconds),
    seconds(f.sellOutSeconds),
    `${seconds(f.waitP50)} / ${seconds(f.waitP95)}`,
    f.slotUtilisation === null ? '—' : `${(100 * f.slotUtilisation).toFixed(1)} %`,
    `${count(f.peakAdmissionsPerSecond)} / ${count(f.meanAdmissionsPerSecond)}`,
    count(f.peakPurchasesPerSecond),
    count(f.peakPollsPerSecond),
    f.peakRedisBusy.toFixed(2),
    `${f.longestScriptSeconds.toFixed(1)} s`,
    `${count(f.admitted)} (${count(f.admittedGone)} gone)`,
    count(f.droppedIdle),
    count(f.toldSoldOut),
    count(f.bought),
  ].join(' | ');
}

const header = [
  'scenario',
  'pre-queue through',
  'line drained',
  'sold out',
  'wait p50 / p95',
  'slots used',
  'admissions/s peak / mean',
  'purchases/s peak',
  'polls/s peak',
  'Redis busy, peak second',
  'longest script',
  'admitted',
  'dropped idle',
  'told sold out',
  'bought',
];

console.log(`| ${header.join(' | ')} |`);
console.log(`| ${header.map(() => '---').join(' | ')} |`);
for (const scenario of capacityScenarios) console.log(`| ${row(simulateWaitingRoom(scenario))} |`);
