// GET /api/requests/{id}/agreement: the agreement drawn up for a request, once there is one. A 404
// (none yet, or a server without agreements) is an answer: there is nothing to show.
import { getJson, isNotFound } from '../../../lib/api-client.js';

export interface AgreementSignature {
  party: string;
  signer: string;
  signed_at: string;
  signed_sha256: string;
  /** The signature is of this very text. */
  valid: boolean;
}

/** The fields the page shows (src/api/routes/agreements.routes.ts); the terms are left to the texts. */
export interface Agreement {
  id: string;
  request_id: string;
  body_zh: string;
  body_en: string;
  /** SHA-256 of the terms and both texts: what every party signs. */
  sha256: string;
  /** The stored terms and texts still hash to sha256. */
  intact: boolean;
  signatories: string[];
  signatures: AgreementSignature[];
  /** Every signatory has signed this very text. */
  complete: boolean;
  created_at: string;
}

export async function getAgreement(requestId: string, signal?: AbortSignal): Promise<Agreement | null> {
  try {
    return await getJson<Agreement>(`/requests/${encodeURIComponent(requestId)}/agreement`, {}, signal);
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

export const agreementPdfUrl = (agreementId: string): string =>
  `/api/agreements/${encodeURIComponent(agreementId)}/pdf`;
