/**
 * Saves text as a file through the browser's download UI, without the downloads permission
 * and without any network request: a Blob URL on a temporary link.
 * @param fileName suggested file name
 * @param text file contents
 * @param type MIME type
 * @default type `application/json`
 */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in Firefox; a minute is ample for it to start.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
