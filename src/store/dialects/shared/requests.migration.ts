// Sharing requests, their timeline, what they hold of the core (allocations), notifications,
// credit events and each custodian's sharing policy.
import type { IdColumns } from './accounts.migration.js';

export const requestsSchema = ({ serial, real }: IdColumns) => `
CREATE TABLE sharing_request (
  id ${serial},
  public_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('viewing','sampling','loan','data_access','cooperation','trade','lease')),
  mode TEXT NOT NULL,
  purpose TEXT NOT NULL,
  international INTEGER NOT NULL DEFAULT 0,
  state TEXT NOT NULL,
  requester_user_id INTEGER NOT NULL REFERENCES app_user(id),
  requester_org_id INTEGER NOT NULL REFERENCES organisation(id),
  custodian_id INTEGER NOT NULL REFERENCES custodian(id),
  owner_org_id INTEGER REFERENCES organisation(id),
  borehole_id INTEGER NOT NULL REFERENCES borehole(id),
  depth_from ${real},
  depth_to ${real},
  offer_id INTEGER REFERENCES sharing_offer(id),
  permit_required INTEGER NOT NULL DEFAULT 0,
  permit_reasons TEXT NOT NULL DEFAULT '[]',
  results_owed INTEGER NOT NULL DEFAULT 0,
  title TEXT NOT NULL,
  description TEXT,
  samples TEXT NOT NULL DEFAULT '[]',
  signatures TEXT NOT NULL DEFAULT '[]',
  loan_return_sent INTEGER NOT NULL DEFAULT 0,
  due_date TEXT,
  results_due TEXT,
  version INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (depth_from IS NULL OR depth_to > depth_from)
);
CREATE UNIQUE INDEX sharing_request_public_id ON sharing_request(public_id);
CREATE INDEX sharing_request_requester ON sharing_request(requester_user_id, id);
CREATE INDEX sharing_request_custodian ON sharing_request(custodian_id, state);
CREATE INDEX sharing_request_borehole ON sharing_request(borehole_id);
CREATE INDEX sharing_request_state ON sharing_request(state);
CREATE TABLE request_event (
  id ${serial},
  request_id INTEGER NOT NULL REFERENCES sharing_request(id),
  at TEXT NOT NULL,
  actor_user_id INTEGER REFERENCES app_user(id),
  actor TEXT NOT NULL,
  party TEXT NOT NULL,
  action TEXT NOT NULL,
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  reason TEXT,
  detail TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX request_event_request ON request_event(request_id, id);
CREATE TABLE core_allocation (
  id ${serial},
  request_id INTEGER NOT NULL REFERENCES sharing_request(id),
  borehole_id INTEGER NOT NULL REFERENCES borehole(id),
  kind TEXT NOT NULL CHECK (kind IN ('loan','sample')),
  depth_from ${real} NOT NULL,
  depth_to ${real} NOT NULL,
  fraction ${real} NOT NULL DEFAULT 1,
  starts_at TEXT NOT NULL,
  due_at TEXT,
  released_at TEXT,
  CHECK (depth_to > depth_from)
);
CREATE INDEX core_allocation_borehole ON core_allocation(borehole_id, kind);
CREATE TABLE notification (
  id ${serial},
  user_id INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  request_id INTEGER REFERENCES sharing_request(id),
  at TEXT NOT NULL,
  title_zh TEXT NOT NULL,
  title_en TEXT NOT NULL,
  link TEXT NOT NULL,
  read_at TEXT,
  mailed_at TEXT
);
CREATE INDEX notification_user ON notification(user_id, id);
CREATE INDEX notification_unmailed ON notification(mailed_at);
CREATE TABLE credit_event (
  id ${serial},
  organisation_id INTEGER NOT NULL REFERENCES organisation(id),
  user_id INTEGER REFERENCES app_user(id),
  request_id INTEGER REFERENCES sharing_request(id),
  kind TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX credit_event_organisation ON credit_event(organisation_id);
CREATE TABLE custodian_policy (
  custodian_id INTEGER PRIMARY KEY REFERENCES custodian(id),
  sampling TEXT NOT NULL,
  embargo TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
`;
