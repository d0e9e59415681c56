const PROBE_TIMEOUT_MS = 5_000;

let probe: Promise<boolean> | undefined;

/**
 * True when testcontainers finds a working container engine (Docker, Podman, a remote DOCKER_HOST...).
 * testcontainers is imported only here and only when needed, so machines without an engine never load it.
 * The answer is cached for the life of the process.
 */
export function isContainerRuntimeAvailable(): Promise<boolean> {
  probe ??= (async () => {
    let timer: NodeJS.Timeout | undefined;
    try {
      const { getContainerRuntimeClient } = await import('testcontainers');
      return await Promise.race([
        getContainerRuntimeClient().then(() => true),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS);
        }),
      ]);
    } catch {
      return false; // no engine, or testcontainers is not installed (production images)
    } finally {
      clearTimeout(timer);
    }
  })();
  return probe;
}
