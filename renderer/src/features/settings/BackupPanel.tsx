import { useCallback, useEffect, useState } from 'react';
import type { BackupStatus, PublicDesktopPrefs } from '../../../../shared/desktop/desktop-prefs';
import { CallError } from '../../api/client';
import { useServices } from '../../app/services-context';
import { useOnPushed } from '../../stores/use-pushed';
import { intlLocale } from '../../i18n/define';
import { useLocale } from '../../i18n/use-locale';
import type { T } from '../../i18n/use-t';
import type { DesktopKeys } from './desktop-i18n';
import type { useDesktopPrefs } from './use-desktop-prefs';
import { useErrorWords } from '../notices/error-words';
import { Check, Field, FieldGroup, TextField } from '../../components/Field';

interface Props {
  prefs: PublicDesktopPrefs;
  save: ReturnType<typeof useDesktopPrefs>['save'];
  t: T<DesktopKeys>;
}

const REASONS = new Set(['no_folder', 'no_passphrase', 'inside_data_dir']);
const RESTORE_CODES = new Set([
  'restore_wrong_passphrase',
  'restore_not_empty',
  'restore_damaged',
  'restore_newer',
  'restore_running',
  'restore_not_a_backup',
]);

/** Hands the browser a file to save (the desktop app shows its own save dialog for it). */
function download(fileName: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/zip' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Backup settings, "Back up now" and the last result; restore into a new folder; the diagnostics zip. */
export function BackupPanel({ prefs, save, t }: Props) {
  const { client } = useServices();
  const locale = useLocale();
  const when = (iso: string) => new Date(iso).toLocaleString(intlLocale(locale));
  const [folder, setFolder] = useState(prefs.backup.folder ?? '');
  const [keep, setKeep] = useState(String(prefs.backup.keep));
  const [passphrase, setPassphrase] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const refresh = useCallback(() => void client.send('desktop/get-backup-status', {}).then(setStatus, () => setStatus(null)), [client]);
  useEffect(() => refresh(), [refresh]);
  useOnPushed('desktop/backup-done', setStatus);

  const saveBackup = async () => {
    const ok = await save({
      backup: { folder: folder.trim() || null, keep: Math.max(1, Math.min(90, Number(keep) || 7)), ...(passphrase && { passphrase }) },
    });
    if (ok) {
      setPassphrase('');
      setNote(t('saved'));
      refresh();
    }
  };
  const backUpNow = async () => {
    setBusy(true);
    try {
      setStatus(await client.send('desktop/run-backup', {}));
    } finally {
      setBusy(false);
    }
  };
  const reason = (error: string | null) => (error && REASONS.has(error) ? t(`reason_${error}` as DesktopKeys) : (error ?? ''));

  return (
    <>
      <FieldGroup title={t('backupTitle')} intro={t('backupHint')}>
        <Field id="backup-folder" label={t('backupFolder')}>
          <FolderInput id="backup-folder" purpose="backup" value={folder} onChange={setFolder} t={t} />
        </Field>
        <TextField id="backup-keep" type="number" min={1} max={90} dir="ltr" label={t('backupKeep')} value={keep} onChange={setKeep} />
        <Check
          id="backup-daily"
          label={t('backupDaily')}
          checked={prefs.backup.daily}
          onChange={(daily) => void save({ backup: { daily } })}
        />
        <TextField
          id="backup-passphrase"
          type="password"
          autoComplete="new-password"
          label={t('backupPassphrase')}
          value={passphrase}
          onChange={setPassphrase}
        >
          <p className="muted small" id="backup-passphrase-state">
            {prefs.backup.passphraseSet ? t('passphraseSaved') : t('passphraseNone')}
          </p>
        </TextField>
        <div className="settings-inline">
          <button type="button" onClick={() => void saveBackup()}>
            {t('saveBackup')}
          </button>
          <button type="button" id="backup-now" disabled={busy} onClick={() => void backUpNow()}>
            {busy ? t('backingUp') : t('backupNow')}
          </button>
          {note && <span role="status">{note}</span>}
        </div>
        <p id="backup-last" role="status">
          {!status?.lastAt
            ? t('lastBackupNone')
            : status.lastResult === 'ok'
              ? t('lastBackupOk', { when: when(status.lastAt), size: ((status.lastBytes ?? 0) / 1_048_576).toFixed(1) })
              : t('lastBackupFailed', { when: when(status.lastAt), reason: reason(status.lastError) })}
        </p>
        {status && status.backups.length > 0 && <p className="muted small">{t('backupsInFolder', { count: status.backups.length })}</p>}
      </FieldGroup>
      <RestoreForm t={t} latest={status?.backups[0] ?? ''} when={when} />
      <Diagnostics t={t} />
    </>
  );
}

function RestoreForm({ t, latest, when }: { t: T<DesktopKeys>; latest: string; when: (iso: string) => string }) {
  const { client } = useServices();
  const [from, setFrom] = useState('');
  const [into, setInto] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const restore = async () => {
    try {
      const done = await client.send('desktop/restore-backup', { backupDir: from || latest, targetDir: into, passphrase });
      setResult({ ok: true, text: t('restored', { when: when(done.createdAt), folder: done.targetDir }) });
    } catch (err) {
      const code = err instanceof CallError && RESTORE_CODES.has(err.message) ? (err.message as DesktopKeys) : 'restore_failed';
      setResult({ ok: false, text: t(code) });
    }
  };
  return (
    <FieldGroup title={t('restoreTitle')} intro={t('restoreHint')}>
      <Field id="restore-from" label={t('restoreFrom')}>
        <FolderInput id="restore-from" purpose="restore-from" placeholder={latest} value={from} onChange={setFrom} t={t} />
      </Field>
      <Field id="restore-into" label={t('restoreInto')}>
        <FolderInput id="restore-into" purpose="restore-to" value={into} onChange={setInto} t={t} />
      </Field>
      <TextField id="restore-passphrase" type="password" label={t('restorePassphrase')} value={passphrase} onChange={setPassphrase} />
      <button type="button" disabled={!into.trim() || !passphrase || !(from || latest)} onClick={() => void restore()}>
        {t('restore')}
      </button>
      {result && (
        <p id="restore-result" role="status" className={result.ok ? undefined : 'error'}>
          {result.text}
        </p>
      )}
    </FieldGroup>
  );
}

function Diagnostics({ t }: { t: T<DesktopKeys> }) {
  const errorText = useErrorWords();
  const { client } = useServices();
  const [note, setNote] = useState<string | null>(null);
  const exportZip = async () => {
    try {
      const zip = await client.send('desktop/export-diagnostics', {});
      download(zip.fileName, zip.base64);
      setNote(t('exported', { file: zip.fileName, folder: zip.savedTo.slice(0, -zip.fileName.length - 1) }));
    } catch (err) {
      setNote(t('failed', { message: errorText(err) }));
    }
  };
  return (
    <FieldGroup title={t('diagnosticsTitle')} intro={t('diagnosticsHint')}>
      <button type="button" id="export-diagnostics" onClick={() => void exportZip()}>
        {t('exportDiagnostics')}
      </button>
      {note && (
        <p role="status" id="diagnostics-note">
          {note}
        </p>
      )}
    </FieldGroup>
  );
}

/** A folder path field; in the desktop app, "Choose…" opens the system's folder dialog (a browser tab has none). */
function FolderInput(props: {
  id: string;
  purpose: 'backup' | 'restore-from' | 'restore-to';
  value: string;
  placeholder?: string;
  onChange(folder: string): void;
  t: T<DesktopKeys>;
}) {
  const { client } = useServices();
  const choose = async () => {
    const { folder } = await client.send('desktop/pick-folder', { purpose: props.purpose });
    if (folder) props.onChange(folder);
  };
  return (
    <span className="settings-inline">
      <input id={props.id} dir="ltr" placeholder={props.placeholder} value={props.value} onChange={(e) => props.onChange(e.target.value)} />
      {client.shell === 'desktop' && (
        <button type="button" onClick={() => void choose()}>
          {props.t('chooseFolder')}
        </button>
      )}
    </span>
  );
}
