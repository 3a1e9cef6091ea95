/**
 * The store of the `generated-long-lived` case: an `InMemoryOrionStore` that, before
 * anything is timed, has taken at least 10,000 runs through varied histories, as a
 * server's store has after running for a while: every state type, cached completions,
 * retries, pauses and resumes, cancellations, crashes, states with and without their
 * optional fields (message, data, scheduled time, cache key and expiration, pause
 * timeout), and proposals built every way a client builds them (the named-state
 * helpers, `createState`, hand-written objects with their fields in another order or
 * with extra fields, JSON round trips with their dates revived). Its purpose is to
 * give every copy, read and write on the hot path the widest variety of input shapes a
 * long-lived process gives it, and a store whose tables are large.
 */
import {
  Cancelled,
  Cancelling,
  Completed,
  Crashed,
  createState,
  Failed,
  Paused,
  Pending,
  Running,
  Scheduled,
  StateType,
  type Clock,
  type RandomSource,
  type State,
} from '../../../src/index.ts';
import {
  InMemoryOrionStore,
  OrionEngine,
  type OrionRuleSources,
} from '../../../src/orion/index.ts';

/** How many runs the history creates, at least. */
export const LONG_LIVED_RUNS = 10_000;

export interface LongLivedStore {
  store: InMemoryOrionStore;
  /** A RUNNING flow run whose task runs the measured transitions drive. */
  flowRunId: string;
  /** Runs created by the history (flow runs and task runs). */
  runs: number;
}

/**
 * Builds the store: flow runs with varied lifecycles (completing, failing and retried,
 * paused and resumed, cancelled, crashed), each with task runs through varied
 * lifecycles, until `LONG_LIVED_RUNS` runs exist; then a RUNNING flow run and a `bench`
 * tag limit for the measured transitions.
 */
export async function longLivedStore(
  policies: Partial<OrionRuleSources>,
  clock: Clock & { advance(seconds: number): void },
  random: RandomSource,
): Promise<LongLivedStore> {
  const store = new InMemoryOrionStore({ random });
  const engine = new OrionEngine({ store, clock, random, policies });
  const env = { clock, random };
  await store.setConcurrencyLimit('bench', 1_000_000);
  await store.setConcurrencyLimit('history', 1_000_000);
  let runs = 0;
  for (let i = 0; runs < LONG_LIVED_RUNS; i++) {
    const flow = await store.addFlowRun({
      deploymentId: i % 3 === 0 ? `deployment-${i}` : null,
      empiricalPolicy: i % 4 === 0 ? { retries: 1, retryDelay: 0 } : {},
    });
    runs++;
    const setFlow = (state: State) => engine.setFlowRunState(flow.id, state);
    await setFlow(shaped(i, Scheduled({ message: i % 2 ? 'scheduled' : null }, env)));
    await setFlow(shaped(i + 1, Pending({}, env)));
    await setFlow(shaped(i + 2, Running({}, env)));
    for (let t = 0; t < 4; t++, runs++) await taskHistory(i * 4 + t, flow.id);
    switch (i % 6) {
      case 0:
        await setFlow(shaped(i, Completed({ data: { i } }, env)));
        break;
      case 1: {
        await setFlow(shaped(i, Failed({ message: 'failed' }, env)));
        await setFlow(shaped(i, Pending({}, env)));
        await setFlow(shaped(i, Running({}, env)));
        await setFlow(shaped(i, Completed({}, env)));
        break;
      }
      case 2: {
        await setFlow(shaped(i, Paused({ timeoutSeconds: 3600, pauseKey: `p${i}` }, {}, env)));
        await engine.resumeFlowRun(flow.id);
        await setFlow(shaped(i, Completed({}, env)));
        break;
      }
      case 3:
        await setFlow(shaped(i, Cancelling({}, env)));
        await setFlow(shaped(i, Cancelled({ message: 'cancelled by user' }, env)));
        break;
      case 4:
        await setFlow(shaped(i, Crashed({ message: 'crashed', data: 'trace' }, env)));
        break;
      default:
        break; // stays RUNNING
    }
    clock.advance(1);
  }

  async function taskHistory(n: number, flowRunId: string): Promise<void> {
    const task = await store.addTaskRun({
      flowRunId,
      tags: n % 2 ? ['history'] : [],
      empiricalPolicy:
        n % 3 === 0 ? { retries: 2, retryDelay: [0, 0], retryJitterFactor: null } : {},
    });
    const set = (state: State) => engine.setTaskRunState(task.id, state);
    const cacheKey = `key-${n % 50}`;
    switch (n % 7) {
      case 0: // fails, is retried, completes
        await set(shaped(n, Pending({}, env)));
        await set(shaped(n, Running({}, env)));
        await set(shaped(n, Failed({ message: 'boom', data: { n } }, env)));
        await set(shaped(n, Pending({}, env)));
        await set(shaped(n, Running({}, env)));
        await set(shaped(n, Completed({ data: n }, env)));
        break;
      case 1: // completes with a cache key (cached next time)
      case 2: {
        const details = { cacheKey, cacheExpiration: new Date(clock.now().getTime() + 86_400_000) };
        await set(shaped(n, Pending({ stateDetails: details }, env)));
        await set(shaped(n, Running({ stateDetails: details }, env)));
        await set(shaped(n, Completed({ data: `result ${n}`, stateDetails: details }, env)));
        break;
      }
      case 3: // scheduled in the past, then runs and crashes
        await set(
          shaped(
            n,
            Scheduled(
              { stateDetails: { scheduledTime: new Date(clock.now().getTime() - 1000) } },
              env,
            ),
          ),
        );
        await set(shaped(n, Pending({}, env)));
        await set(shaped(n, Running({}, env)));
        await set(shaped(n, Crashed({ message: 'lost' }, env)));
        break;
      case 4: // cancelled while running
        await set(shaped(n, Pending({}, env)));
        await set(shaped(n, Running({}, env)));
        await set(shaped(n, Cancelling({}, env)));
        await set(shaped(n, Cancelled({}, env)));
        break;
      case 5: // stays pending, with a message
        await set(shaped(n, Pending({ message: 'waiting for a worker' }, env)));
        break;
      default: // completes
        await set(shaped(n, Pending({}, env)));
        await set(shaped(n, Running({}, env)));
        await set(shaped(n, Completed({}, env)));
    }
  }

  checkVariety(store);
  const flow = await store.addFlowRun({});
  await engine.setFlowRunState(flow.id, Running({}, env), { force: true });
  return { store, flowRunId: flow.id, runs };
}

/**
 * `state` as one of the ways a client builds a proposal, chosen by `n`: as given (a
 * named-state helper), rebuilt by `createState`, a hand-written object with its fields
 * in reverse order, one with extra fields, or a JSON round trip with its dates revived.
 */
function shaped(n: number, state: State): State {
  switch (n % 5) {
    case 0:
      return state;
    case 1:
      return createState(state.type, {
        id: state.id,
        name: state.name,
        timestamp: state.timestamp,
        message: state.message,
        data: state.data,
        stateDetails: state.stateDetails,
      });
    case 2: {
      const d = state.stateDetails;
      return {
        stateDetails: {
          refreshCache: d.refreshCache,
          pauseKey: d.pauseKey,
          pauseReschedule: d.pauseReschedule,
          pauseTimeout: d.pauseTimeout,
          untrackableResult: d.untrackableResult,
          cacheExpiration: d.cacheExpiration,
          cacheKey: d.cacheKey,
          scheduledTime: d.scheduledTime,
          childFlowRunId: d.childFlowRunId,
          taskRunId: d.taskRunId,
          flowRunId: d.flowRunId,
        },
        data: state.data,
        message: state.message,
        timestamp: state.timestamp,
        name: state.name,
        type: state.type,
        id: state.id,
      };
    }
    case 3:
      return Object.assign({ client: 'v2', retriesLeft: n % 3 }, state, {
        stateDetails: { ...state.stateDetails, traceId: `t${n}` },
      });
    default: {
      const parsed = JSON.parse(JSON.stringify(state)) as State;
      parsed.timestamp = new Date(parsed.timestamp);
      const d = parsed.stateDetails;
      for (const key of ['scheduledTime', 'cacheExpiration', 'pauseTimeout'] as const) {
        if (d[key] !== null) d[key] = new Date(d[key]);
      }
      return parsed;
    }
  }
}

/**
 * Throws unless the history reached every state type and the named states of a cache
 * hit and a retry: the case would otherwise measure a narrower history than it claims.
 */
function checkVariety(store: InMemoryOrionStore): void {
  const reached = new Set<string>();
  for (const row of store.contents().states) {
    reached.add(row.state.type);
    reached.add(row.state.name);
  }
  const wanted = [...Object.values(StateType), 'Cached', 'AwaitingRetry', 'Rerunning'];
  const missing = wanted.filter((name) => !reached.has(name));
  if (missing.length > 0) {
    throw new Error(
      `The long-lived store's history never reached ${missing.join(', ')}: extend long-lived-store.ts so that it does.`,
    );
  }
}
