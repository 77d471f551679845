// Returned analysis tables (assays, XRF, reflectance spectra): one row per sample or interval, one
// column per analyte, as labs write them ("Cu_ppm", "Au (g/t)", "Cu%", "样品编号", "自", "至").
// Parsed into depth-registered values, so returned data lands on the core, not only as a file.

export interface TableRow {
  line: number;
  values: ReadonlyArray<string | null>;
}

export interface ReturnedValue {
  line: number;
  sample_no: string | null;
  depth_from: number | null;
  depth_to: number | null;
  analyte: string;
  /** null when below the detection limit: `qualifier` keeps what the lab wrote ("<0.01"). */
  value: number | null;
  qualifier: string | null;
  unit: string | null;
}

export interface TableProblem {
  line: number;
  field: string;
  message: string;
  message_zh: string;
}

const SAMPLE = ['sample_no', 'sample', 'sample_id', 'sampleid', 'sample no', '样品编号', '样号', '样品号'];
const FROM = ['depth_from', 'from', 'from_m', 'from (m)', '自', '起', '从', '起始深度', '自(m)'];
const TO = ['depth_to', 'to', 'to_m', 'to (m)', '至', '止', '终止深度', '至(m)'];
const IGNORED = [
  'hole_id',
  'hole',
  'borehole',
  '钻孔编号',
  '孔号',
  'remark',
  'remarks',
  '备注',
  'lab',
  'batch',
];

const norm = (h: string) => h.trim().toLowerCase();

/**
 * "Cu_ppm", "Cu (ppm)", "Au g/t", "Cu%", "SiO2_wt%" → analyte and unit; a reflectance spectrum's
 * wavelength columns ("2200", "2200nm", "R2200", "R_2200 nm") → `R2200nm`, one value per band.
 */
export function analyteHeader(header: string): { analyte: string; unit: string | null } | null {
  const h = header.trim();
  const band = /^(?:R|Refl(?:ectance)?)?[_\s@]*(\d{3,5}(?:\.\d+)?)\s*(?:nm)?$/i.exec(h);
  if (band) return { analyte: `R${band[1]}nm`, unit: null };
  const m = /^([A-Za-z][A-Za-z0-9]*?)(?:\s*[_\s(（]\s*([^)）]*?)\s*[)）]?|(%))?$/.exec(h);
  if (!m) return null;
  const unit = (m[2] ?? m[3] ?? '').trim();
  return { analyte: m[1]!, unit: unit || null };
}

export function parseReturnedTable(
  headers: readonly string[],
  rows: Iterable<TableRow>,
): { values: ReturnedValue[]; problems: TableProblem[] } {
  const index = (names: string[]) => headers.findIndex((h) => names.includes(norm(h)));
  const sampleAt = index(SAMPLE);
  const fromAt = index(FROM);
  const toAt = index(TO);
  const problems: TableProblem[] = [];
  if (sampleAt < 0 && (fromAt < 0 || toAt < 0))
    problems.push({
      line: 1,
      field: '(header)',
      message: 'a returned table needs a sample number column, or depth from and to columns',
      message_zh: '成果表须包含样品编号列，或起止深度列',
    });
  const analytes = headers
    .map((h, i) => ({
      i,
      parsed: [sampleAt, fromAt, toAt].includes(i) || IGNORED.includes(norm(h)) ? null : analyteHeader(h),
    }))
    .filter((a): a is { i: number; parsed: { analyte: string; unit: string | null } } => a.parsed !== null);
  if (analytes.length === 0)
    problems.push({
      line: 1,
      field: '(header)',
      message: 'no analyte columns (such as Cu_ppm or Au (g/t))',
      message_zh: '没有分析项目列（如 Cu_ppm、Au (g/t)）',
    });
  const values: ReturnedValue[] = [];
  if (problems.length) return { values, problems };
  const depth = (row: TableRow, at: number, field: string): number | null | undefined => {
    const text = at >= 0 ? row.values[at]?.trim() : undefined;
    if (!text) return null;
    const n = Number(text);
    if (Number.isFinite(n) && n >= 0) return n;
    problems.push({
      line: row.line,
      field,
      message: `not a depth in metres: ${JSON.stringify(text)}`,
      message_zh: `不是以米为单位的深度：${JSON.stringify(text)}`,
    });
    return undefined;
  };
  for (const row of rows) {
    const sampleNo = sampleAt >= 0 ? row.values[sampleAt]?.trim() || null : null;
    const from = depth(row, fromAt, headers[fromAt] ?? 'depth_from');
    const to = depth(row, toAt, headers[toAt] ?? 'depth_to');
    if (from === undefined || to === undefined) continue;
    if (from !== null && to !== null && to < from) {
      problems.push({
        line: row.line,
        field: headers[toAt]!,
        message: `the interval runs upward (${from} to ${to} m)`,
        message_zh: `深度区间自下而上（${from} 至 ${to} 米）`,
      });
      continue;
    }
    if (!sampleNo && (from === null || to === null)) {
      problems.push({
        line: row.line,
        field: headers[sampleAt] ?? headers[fromAt] ?? '(row)',
        message: 'a row needs its sample number or its depths',
        message_zh: '每行须有样品编号或起止深度',
      });
      continue;
    }
    for (const { i, parsed } of analytes) {
      const text = row.values[i]?.trim();
      if (!text) continue;
      const below = /^<\s*([0-9.]+)$/.exec(text);
      const n = below ? null : Number(text.replace(/,/g, ''));
      if (!below && !Number.isFinite(n)) {
        problems.push({
          line: row.line,
          field: headers[i]!,
          message: `not a number: ${JSON.stringify(text)}`,
          message_zh: `不是数值：${JSON.stringify(text)}`,
        });
        continue;
      }
      values.push({
        line: row.line,
        sample_no: sampleNo,
        depth_from: from,
        depth_to: to,
        analyte: parsed.analyte,
        value: n,
        qualifier: below ? text : null,
        unit: parsed.unit,
      });
    }
  }
  return { values, problems };
}
