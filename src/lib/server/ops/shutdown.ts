/**
 * Work that must stop cleanly when the process is asked to stop (SIGTERM). `npm run serve`
 * stops accepting connections, lets in-flight requests finish, then calls `runShutdownHooks`:
 * first every `work` hook (the job scheduler, the outbox worker ...) together, then every
 * `storage` hook (drain the write queue, close the database).
 *
 * The registry lives on `globalThis`: the built server bundle and the script that starts it
 * (scripts/serve.ts) each load their own copy of this module, and both must see one list.
 */
export type ShutdownStage = 'work' | 'storage';

export interface ShutdownHookOptions {
  /** `work` (default) runs first; `storage` runs after every `work` hook has finished. */
  stage?: ShutdownStage;
  /** Shown in the log when the hook fails or overruns. */
  name?: string;
}

interface Hook {
  name: string;
  stage: ShutdownStage;
  run: () => Promise<void> | void;
}

interface Registry {
  hooks: Set<Hook>;
  stopping: boolean;
}

const registryKey = Symbol.for('rtw-academy.shutdown');

function registry(): Registry {
  const holder = globalThis as { [registryKey]?: Registry };
  holder[registryKey] ??= { hooks: new Set(), stopping: false };
  return holder[registryKey];
}

/**
 * Registers `run` to be called once when the process shuts down. Returns a function that
 * removes it again (for work that stopped on its own).
 */
export function onShutdown(run: () => Promise<void> | void, options: ShutdownHookOptions = {}): () => void {
  const hook: Hook = { run, stage: options.stage ?? 'work', name: options.name ?? (run.name || 'anonymous') };
  registry().hooks.add(hook);
  return () => {
    registry().hooks.delete(hook);
  };
}

/** True once shutdown has begun: readiness answers 503 and schedulers start nothing new. */
export function isShuttingDown(): boolean {
  return registry().stopping;
}

/** Marks the process as stopping (before in-flight requests are drained). */
export function beginShutdown(): void {
  registry().stopping = true;
}

export interface ShutdownFailure {
  name: string;
  stage: ShutdownStage;
  error: unknown;
}

/**
 * Runs every registered hook, `work` before `storage`, each stage's hooks concurrently, each
 * bounded by `timeoutMs`. Hooks run once: a second call finds none left. Returns the failures.
 */
export async function runShutdownHooks(timeoutMs: number): Promise<ShutdownFailure[]> {
  const state = registry();
  state.stopping = true;
  const failures: ShutdownFailure[] = [];
  for (const stage of ['work', 'storage'] as const) {
    const hooks = [...state.hooks].filter((hook) => hook.stage === stage);
    for (const hook of hooks) state.hooks.delete(hook);
    await Promise.all(
      hooks.map(async (hook) => {
        try {
          await withTimeout(Promise.resolve().then(hook.run), timeoutMs, hook.name);
        } catch (error) {
          failures.push({ name: hook.name, stage, error });
        }
      }),
    );
  }
  return failures;
}

function withTimeout<T>(work: Promise<T>, timeoutMs: number, name: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Shutdown hook "${name}" did not finish within ${timeoutMs} ms.`)),
      timeoutMs,
    );
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
