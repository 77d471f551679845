// Agreements signed for requests, and the data returned from the core (the loop the paper asks for):
// files with their embargo, and the depth-registered values parsed from returned tables.
import type { IdColumns } from './accounts.migration.js';

export const agreementsAndReturnsSchema = ({ serial, real }: IdColumns) => `
CREATE TABLE agreement (
  id ${serial},
  public_id TEXT NOT NULL,
  request_id INTEGER NOT NULL REFERENCES sharing_request(id),
  template TEXT NOT NULL,
  terms TEXT NOT NULL,
  body_zh TEXT NOT NULL,
  body_en TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX agreement_public_id ON agreement(public_id);
CREATE UNIQUE INDEX agreement_request ON agreement(request_id);
CREATE TABLE agreement_signature (
  agreement_id INTEGER NOT NULL REFERENCES agreement(id),
  party TEXT NOT NULL,
  user_id INTEGER REFERENCES app_user(id),
  signer TEXT NOT NULL,
  signed_sha256 TEXT NOT NULL,
  signed_at TEXT NOT NULL,
  PRIMARY KEY (agreement_id, party)
);
CREATE TABLE returned_dataset (
  id ${serial},
  public_id TEXT NOT NULL,
  request_id INTEGER NOT NULL REFERENCES sharing_request(id),
  borehole_id INTEGER NOT NULL REFERENCES borehole(id),
  kind TEXT NOT NULL CHECK (kind IN ('assay','spectra','images','report','publication')),
  title TEXT NOT NULL,
  doi TEXT,
  file_name TEXT,
  media_type TEXT,
  size_bytes INTEGER,
  sha256 TEXT,
  stored_path TEXT,
  embargo_kind TEXT NOT NULL CHECK (embargo_kind IN ('raw','interpretation','report')),
  embargo_until TEXT NOT NULL,
  uploaded_by INTEGER REFERENCES app_user(id),
  uploaded_at TEXT NOT NULL
);
CREATE UNIQUE INDEX returned_dataset_public_id ON returned_dataset(public_id);
CREATE INDEX returned_dataset_borehole ON returned_dataset(borehole_id);
CREATE INDEX returned_dataset_request ON returned_dataset(request_id);
CREATE TABLE returned_value (
  id ${serial},
  dataset_id INTEGER NOT NULL REFERENCES returned_dataset(id) ON DELETE CASCADE,
  borehole_id INTEGER NOT NULL REFERENCES borehole(id),
  sample_id INTEGER REFERENCES sample(id),
  sample_no TEXT,
  depth_from ${real} NOT NULL,
  depth_to ${real} NOT NULL,
  analyte TEXT NOT NULL,
  value ${real},
  unit TEXT,
  method TEXT,
  CHECK (depth_to >= depth_from)
);
CREATE INDEX returned_value_dataset ON returned_value(dataset_id);
CREATE INDEX returned_value_borehole ON returned_value(borehole_id, analyte, depth_from);
`;
