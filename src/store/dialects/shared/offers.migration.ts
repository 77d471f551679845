// Sharing offers, and each borehole's offered modes as bits: search filters and counts `mode:` on
// that column, so a national result set never joins the offers.
import type { IdColumns } from './accounts.migration.js';

export const offersSchema = ({ serial, real }: IdColumns) => `
CREATE TABLE sharing_offer (
  id ${serial},
  public_id TEXT NOT NULL,
  custodian_id INTEGER NOT NULL REFERENCES custodian(id),
  scope TEXT NOT NULL CHECK (scope IN ('borehole','collection')),
  borehole_id INTEGER REFERENCES borehole(id) ON DELETE CASCADE,
  depth_from ${real},
  depth_to ${real},
  dataset TEXT,
  modes TEXT NOT NULL,
  modes_mask INTEGER NOT NULL,
  audience TEXT NOT NULL CHECK (audience IN ('everyone','researchers','organisations','nobody')),
  organisations TEXT NOT NULL DEFAULT '[]',
  fee_kind TEXT NOT NULL,
  fee_amount ${real},
  conditions_zh TEXT,
  conditions_en TEXT,
  created_by INTEGER REFERENCES app_user(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  withdrawn_at TEXT,
  CHECK (scope <> 'borehole' OR borehole_id IS NOT NULL),
  CHECK (depth_from IS NULL OR depth_to > depth_from)
);
CREATE UNIQUE INDEX sharing_offer_public_id ON sharing_offer(public_id);
CREATE INDEX sharing_offer_custodian ON sharing_offer(custodian_id);
CREATE INDEX sharing_offer_borehole ON sharing_offer(borehole_id);
ALTER TABLE borehole ADD COLUMN offered_modes INTEGER NOT NULL DEFAULT 0;
`;
