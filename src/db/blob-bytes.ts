// A Blob's bytes, for stored Blobs (backups) and picked files alike: in src/db because both the database and
// the screens' services read Blobs, and src/db imports no other outer layer.
/** FileReader where Blob.arrayBuffer is missing (older tablet browsers, jsdom). */
export function blobBytes(blob: Blob): Promise<ArrayBuffer> {
  if (typeof blob.arrayBuffer === 'function') return blob.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsArrayBuffer(blob);
  });
}
