// GET /api/custodians/{code}/overdue: a custodian's loans past their due date and results past
// theirs (its curators and administrators; for anyone else, a 403, there is nothing to show).
import { ApiError, getJson } from '../../../lib/api-client.js';

export interface OverdueLoan {
  request_id: string;
  title: string;
  hole_id: string;
  depth_from: number;
  depth_to: number;
  due: string;
  organisation: string;
}

export interface OverdueData {
  request_id: string;
  title: string;
  hole_id: string;
  due: string;
  organisation: string;
}

export interface Overdue {
  loans: OverdueLoan[];
  data: OverdueData[];
}

export async function getOverdue(custodian: string, signal?: AbortSignal): Promise<Overdue | null> {
  try {
    return await getJson<Overdue>(`/custodians/${encodeURIComponent(custodian)}/overdue`, {}, signal);
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) return null;
    throw error;
  }
}
