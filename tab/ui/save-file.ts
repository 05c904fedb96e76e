/**
 * Saves text as a file. A plain link to the export would not carry the sign-in token, so the CSV is
 * fetched through the API client and handed to the browser as a Blob URL on a temporary link.
 */
export function saveTextFile(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  // A byte-order mark tells Excel a CSV file is UTF-8 (æ, ø and å); fetch's text() drops the server's.
  const body = type.startsWith('text/csv') && !text.startsWith('\uFEFF') ? `\uFEFF${text}` : text;
  const url = URL.createObjectURL(new Blob([body], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked on the next turn: some browsers start the download only after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
