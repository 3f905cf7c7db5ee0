// `npm start`'s last step: the five services in the foreground until Ctrl-C, restarted when one
// dies (see runLocalSystem in tools/system). PORT_BASE moves their ports from 8080-8084.
import { runLocalSystem } from '@headliner/system';

await runLocalSystem();
