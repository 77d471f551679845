// What a returned file may be, judged by its first bytes as well as its declared type: a file named
// .csv that is really an executable is refused, whatever the browser said.

export const RETURN_MEDIA_TYPES = {
  'text/csv': 'csv',
  'text/plain': 'txt',
  'application/json': 'json',
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/tiff': 'tif',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
} as const;

export type ReturnMediaType = keyof typeof RETURN_MEDIA_TYPES;

export const MAX_RETURN_BYTES = 50 * 1024 * 1024;

const startsWith = (bytes: Buffer, ...sig: number[]) => sig.every((b, i) => bytes[i] === b);

/** True when the bytes look like the declared type. Text types: valid UTF-8 (or GB18030) without NULs. */
export function contentMatches(type: ReturnMediaType, bytes: Buffer): boolean {
  switch (type) {
    case 'application/pdf':
      return startsWith(bytes, 0x25, 0x50, 0x44, 0x46); // %PDF
    case 'image/png':
      return startsWith(bytes, 0x89, 0x50, 0x4e, 0x47);
    case 'image/jpeg':
      return startsWith(bytes, 0xff, 0xd8, 0xff);
    case 'image/tiff':
      return startsWith(bytes, 0x49, 0x49, 0x2a, 0x00) || startsWith(bytes, 0x4d, 0x4d, 0x00, 0x2a);
    case 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet':
      return startsWith(bytes, 0x50, 0x4b, 0x03, 0x04); // a zip
    case 'text/csv':
    case 'text/plain':
    case 'application/json':
      return !bytes.subarray(0, 64 * 1024).includes(0);
  }
}
