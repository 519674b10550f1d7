import { PortBusyError } from './host/free-port';
import { DataDirLockedError, StoreDamagedError } from './store';

/** The one line a seller reads when Souqbot cannot start: the known cases say it all themselves. */
export function startFailureLine(err: unknown): string {
  if (err instanceof DataDirLockedError || err instanceof PortBusyError || err instanceof StoreDamagedError) return err.message;
  const code = (err as { code?: string }).code;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC')
    return 'Souqbot could not start: the disk is full. Free some space, then start it again.';
  if (code === 'EACCES' || code === 'EPERM')
    return `Souqbot could not start: no permission to use its data folder (${(err as Error).message}).`;
  return `Souqbot could not start: ${err instanceof Error ? err.message : String(err)}`;
}
