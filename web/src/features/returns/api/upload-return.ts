// POST /api/requests/{id}/returns: one result of a fulfilled request. The body is the file itself,
// with its own media type; a publication sends no body, only its DOI. 400 lists an assay table's
// problems by file, line and field (nothing stored); 413 too large; 415 wrong or disguised type.
import { sendBody } from '../../../lib/api-client.js';
import type { ReturnUpload } from '../utils/return-form.js';
import type { ReturnedDataset } from './returned-dataset.js';

export function uploadReturn(
  requestId: string,
  upload: ReturnUpload,
  file: Blob | null,
): Promise<ReturnedDataset> {
  return sendBody<ReturnedDataset>(
    'POST',
    `/requests/${encodeURIComponent(requestId)}/returns`,
    file && upload.type ? { content: file, type: upload.type } : null,
    upload.query,
  );
}
