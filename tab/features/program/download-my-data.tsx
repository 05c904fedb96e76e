import { useState } from 'react';
import { Button, Spinner } from '@fluentui/react-components';
import { useT } from '../../i18n';
import { useChorus } from '../../state/chorus-context';
import { ErrorBar } from '../../ui/error-bar';
import { saveTextFile } from '../../ui/save-file';

/** "Download my data": everything Chorus holds about the person, as a JSON file (GDPR article 15). */
export function DownloadMyData() {
  const t = useT();
  const { api } = useChorus();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const json = await api.myDataExport();
      saveTextFile(json, `chorus-my-data-${new Date().toISOString().slice(0, 10)}.json`, 'application/json');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        icon={busy ? <Spinner size="tiny" /> : undefined}
        disabled={busy}
        onClick={() => void download()}
        data-testid="download-my-data"
      >
        {busy ? t.member.downloadingData : t.member.downloadData}
      </Button>
      {error !== null && <ErrorBar error={error} onRetry={() => void download()} />}
    </>
  );
}
