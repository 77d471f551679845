// Returned data's pure helpers (the upload form, refusals by line and field, the values by depth,
// credit, sample numbers), the notification bell's, the raw-body write, and the server's lists
// the web copies (it may not import them).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, sendBody, setCsrfToken } from '../../web/src/lib/api-client.js';
import { vocabularies, vocabularyLabel } from '../../web/src/lib/vocabulary.js';
import { CREDIT_EVENT_KINDS, signedPoints } from '../../web/src/features/returns/utils/credit.js';
import {
  acceptFor,
  defaultEmbargo,
  doiUrl,
  EMBARGO_KINDS,
  initialReturnForm,
  MAX_RETURN_BYTES,
  MEDIA_TYPE_BY_EXTENSION,
  mediaTypeOf,
  readReturnForm,
  RETURN_KINDS,
  withReturnKind,
} from '../../web/src/features/returns/utils/return-form.js';
import {
  cellText,
  columnHeader,
  embargoDay,
  valuesByDepth,
} from '../../web/src/features/returns/utils/returned-values.js';
import { problemLine, uploadRefusal } from '../../web/src/features/returns/utils/upload-problems.js';
import { sampleNumbersFor } from '../../web/src/features/sharing/utils/sample-numbers.js';
import type { AppNotification } from '../../web/src/features/notifications/api/get-notifications.js';
import {
  appPath,
  badgeText,
  markedRead,
  mergePages,
  notificationTitle,
} from '../../web/src/features/notifications/utils/notifications.js';
import { RETURN_KINDS as SERVER_RETURN_KINDS } from '../../src/services/sharing/return.service.js';
import {
  MAX_RETURN_BYTES as SERVER_MAX,
  RETURN_MEDIA_TYPES,
} from '../../src/services/sharing/upload-types.js';

describe("the web's copies of the server's returned-data lists", () => {
  it('list the same kinds, embargoes, credit events, media types and size limit', () => {
    expect(RETURN_KINDS).toEqual(SERVER_RETURN_KINDS);
    expect(MAX_RETURN_BYTES).toBe(SERVER_MAX);
    expect(new Set(Object.values(MEDIA_TYPE_BY_EXTENSION))).toEqual(new Set(Object.keys(RETURN_MEDIA_TYPES)));
    for (const [type, extension] of Object.entries(RETURN_MEDIA_TYPES))
      expect(MEDIA_TYPE_BY_EXTENSION[extension], extension).toBe(type);
  });

  it('have a label in both languages for every kind, embargo and credit event', () => {
    for (const [name, codes] of [
      ['returnKind', RETURN_KINDS],
      ['embargoKind', EMBARGO_KINDS],
      ['creditEvent', CREDIT_EVENT_KINDS],
    ] as const)
      for (const code of codes) {
        expect(vocabularies[name][code], `${name}.${code}`).toBeDefined();
        expect(vocabularyLabel(name, code, 'en')).not.toBe(code);
      }
  });
});

describe('the upload form', () => {
  const csv = { name: 'assays.csv', type: 'text/csv', size: 120 };

  it('sends a file by its extension’s type, whatever the browser guessed', () => {
    expect(mediaTypeOf({ name: 'assays.CSV', type: 'application/vnd.ms-excel' })).toBe('text/csv');
    expect(mediaTypeOf({ name: 'scan.jpeg', type: '' })).toBe('image/jpeg');
    expect(mediaTypeOf({ name: 'core.tif', type: 'image/tiff' })).toBe('image/tiff');
    expect(mediaTypeOf({ name: 'notes', type: 'text/plain' })).toBe('text/plain');
    expect(mediaTypeOf({ name: 'setup.exe', type: '' })).toBe('application/octet-stream');
    expect(acceptFor('assay')).toBe('.csv,.txt,.xlsx,text/csv,text/plain,' + MEDIA_TYPE_BY_EXTENSION.xlsx);
    expect(acceptFor('images')).toContain('.tiff');
  });

  it('embargoes data two years and reports five by default, keeping a choice the reader made', () => {
    expect(RETURN_KINDS.map(defaultEmbargo)).toEqual(['raw', 'raw', 'raw', 'report', 'raw']);
    const form = initialReturnForm();
    expect(withReturnKind(form, 'report').embargo).toBe('report');
    expect(withReturnKind(withReturnKind(form, 'report'), 'images').embargo).toBe('raw');
    const chosen = { ...form, embargo: 'interpretation' as const };
    expect(withReturnKind(chosen, 'report').embargo).toBe('interpretation');
  });

  it('builds the query: a file with its embargo, or a publication by its DOI alone', () => {
    const form = { ...initialReturnForm(), title: '  甲玛 ZK0001 铜金分析  ' };
    expect(readReturnForm(form, csv)).toEqual({
      ok: true,
      upload: {
        query: { kind: 'assay', title: '甲玛 ZK0001 铜金分析', embargo: 'raw', file_name: 'assays.csv' },
        type: 'text/csv',
      },
    });
    const paper = {
      ...form,
      kind: 'publication' as const,
      doi: 'https://doi.org/10.1016/j.oregeorev.2020.103456',
    };
    expect(readReturnForm(paper, null)).toEqual({
      ok: true,
      upload: {
        query: { kind: 'publication', title: '甲玛 ZK0001 铜金分析', doi: '10.1016/j.oregeorev.2020.103456' },
        type: null,
      },
    });
    expect(doiUrl('doi:10.1000/xyz')).toBe('https://doi.org/10.1000/xyz');
  });

  it('names each fault beside its field', () => {
    const problems = (values: Partial<ReturnType<typeof initialReturnForm>>, file: typeof csv | null) => {
      const read = readReturnForm({ ...initialReturnForm(), title: 'T', ...values }, file);
      return read.ok ? {} : Object.fromEntries(Object.entries(read.problems).map(([f, p]) => [f, p.key]));
    };
    expect(problems({ title: ' ' }, null)).toEqual({
      title: 'returns.titleRequired',
      file: 'returns.fileRequired',
    });
    expect(problems({ title: 'x'.repeat(301) }, csv)).toEqual({ title: 'returns.titleTooLong' });
    expect(problems({ kind: 'publication', doi: 'not a doi' }, null)).toEqual({ doi: 'returns.doiInvalid' });
    expect(problems({}, { ...csv, size: 0 })).toEqual({ file: 'returns.fileEmpty' });
    expect(problems({}, { ...csv, size: MAX_RETURN_BYTES + 1 })).toEqual({ file: 'returns.fileTooLarge' });
    expect(problems({}, { name: 'a.exe', type: 'application/x-msdownload', size: 9 })).toEqual({
      file: 'returns.fileType',
    });
    expect(problems({}, { name: 'report.pdf', type: 'application/pdf', size: 9 })).toEqual({
      file: 'returns.assayType',
    });
    expect(problems({ kind: 'report' }, { name: 'report.pdf', type: 'application/pdf', size: 9 })).toEqual(
      {},
    );
  });
});

describe('upload refusals in the reader’s language', () => {
  const table = new ApiError(400, {
    status: 400,
    errors: [
      {
        file: 'assays.csv',
        line: 3,
        field: 'Cu_ppm',
        message: 'not a number: "abc"',
        message_zh: '不是数值："abc"',
      },
      {
        file: 'assays.csv',
        line: 4,
        field: 'sample_no',
        message: 'sample X-9 was not cut for request CSR1',
        message_zh: '样品 X-9 不属于申请 CSR1',
      },
    ],
  });

  it('lists a table’s problems by file, line and field', () => {
    expect(uploadRefusal(table, 'zh')).toEqual({
      summary: 'assays.csv 有 2 处问题，未保存任何数据：',
      lines: ['第 3 行，Cu_ppm：不是数值："abc"', '第 4 行，样品编号：样品 X-9 不属于申请 CSR1'],
    });
    expect(uploadRefusal(table, 'en').lines).toEqual([
      'Line 3, Cu_ppm: not a number: "abc"',
      'Line 4, sample number: sample X-9 was not cut for request CSR1',
    ]);
    expect(problemLine({ line: 1, message: 'no analyte columns' }, 'en')).toBe('Line 1: no analyte columns');
    expect(
      problemLine({ line: 1, field: '(header)', message: 'x', message_zh: '没有分析项目列' }, 'zh'),
    ).toBe('第 1 行，表头：没有分析项目列');
  });

  it('says plainly when the file is too large or of the wrong type', () => {
    expect(uploadRefusal(new ApiError(413, { status: 413 }), 'en').summary).toBe(
      'The file is larger than 50 MiB and was not uploaded.',
    );
    const disguised = new ApiError(415, {
      errors: [
        {
          field: 'Content-Type',
          message: "the file's content is not text/csv",
          message_zh: '文件内容与声明的类型 text/csv 不符',
        },
      ],
    });
    expect(uploadRefusal(disguised, 'zh')).toEqual({
      summary: '文件类型不符，未能上传：',
      lines: ['文件内容与声明的类型 text/csv 不符'],
    });
    const rule = new ApiError(409, {
      errors: [{ rule: 'not_allowed_from_state', message: 'not yet', message_zh: '尚不可汇交' }],
    });
    expect(uploadRefusal(rule, 'zh')).toEqual({ summary: '尚不可汇交', lines: [] });
  });
});

describe('values by depth and analyte', () => {
  const v = (sample_no: string | null, from: number, analyte: string, value: number | null, extra = {}) => ({
    sample_no,
    depth_from: from,
    depth_to: from + 0.2,
    analyte,
    value,
    unit: 'ppm',
    qualifier: null,
    ...extra,
  });

  it('makes one row per sample by depth and one column per analyte and unit', () => {
    const { columns, rows } = valuesByDepth([
      v('S-2', 120, 'Cu', 830),
      v('S-1', 100, 'Au', 0.35, { unit: 'g/t' }),
      v('S-1', 100, 'Cu', 1520.5),
      v('S-2', 120, 'Au', null, { unit: 'g/t', qualifier: '<0.01' }),
    ]);
    expect(columns.map(columnHeader)).toEqual(['Cu (ppm)', 'Au (g/t)']);
    expect(rows.map((r) => r.sample_no)).toEqual(['S-1', 'S-2']);
    const [cu, au] = columns.map((c) => c.key);
    expect(cellText(rows[0]!.cells[cu!], 'zh')).toBe('1,520.5');
    expect(cellText(rows[1]!.cells[au!], 'en')).toBe('<0.01');
    expect(cellText(undefined, 'en')).toBe('');
    expect(columnHeader({ key: 'x', analyte: 'pH', unit: null })).toBe('pH');
    expect(embargoDay('2028-11-27T08:00:00.000Z')).toBe('2028-11-27');
  });
});

describe('credit', () => {
  it('signs points as a ledger does', () => {
    expect([2, -4, 0, 1.5].map((p) => signedPoints(p, 'en'))).toEqual(['+2', '−4', '0', '+1.5']);
  });
});

describe('sample numbers of the cuts', () => {
  it('matches each cut to the sample cut at its interval, two at one depth in order', () => {
    const cuts = [
      { depth_from: 100, depth_to: 100.2, fraction: 0.25 },
      { depth_from: 120, depth_to: 120.2, fraction: 0.5 },
      { depth_from: 100, depth_to: 100.2, fraction: 0.25 },
      { depth_from: 300, depth_to: 300.1, fraction: 0.25 },
    ];
    const samples = [
      { sample_no: 'CSR1-013', depth_from: 100, depth_to: 100.2 },
      { sample_no: 'CSR1-012', depth_from: 120, depth_to: 120.2 },
      { sample_no: 'CSR1-011', depth_from: 100, depth_to: 100.2 },
    ];
    expect(sampleNumbersFor(cuts, samples)).toEqual(['CSR1-011', 'CSR1-012', 'CSR1-013', null]);
  });
});

describe('the notification bell', () => {
  const n = (id: number, read = false): AppNotification => ({
    id,
    at: '2026-11-27T08:00:00.000Z',
    title_zh: `通知 ${id}`,
    title_en: `Notice ${id}`,
    link: `/requests/CSR${id}`,
    read,
  });

  it('counts up to 99, then says 99+', () => {
    expect([0, 1, 99, 100, -1].map(badgeText)).toEqual(['', '1', '99', '99+', '']);
    expect(notificationTitle(n(1), 'en')).toBe('Notice 1');
    expect(notificationTitle(n(1), 'zh')).toBe('通知 1');
  });

  it('follows only links inside the app', () => {
    expect(appPath('/requests/CSR1')).toBe('/requests/CSR1');
    expect(appPath('//evil.example/x')).toBeNull();
    expect(appPath('https://evil.example/x')).toBeNull();
  });

  it('merges a fresh first page with older pages, the fresh copy winning', () => {
    const first = { items: [n(5), n(4, true)], unread: 1, next_cursor: '4' };
    expect(mergePages(first, [n(4), n(3)]).map((x) => [x.id, x.read])).toEqual([
      [5, false],
      [4, true],
      [3, false],
    ]);
  });

  it('marks some or all read at once, counting only those that were unread', () => {
    const items = [n(3), n(2, true), n(1)];
    expect(markedRead(items, 7, [3, 2])).toEqual({ items: [n(3, true), n(2, true), n(1)], unread: 6 });
    expect(markedRead(items, 7, 'all').unread).toBe(0);
  });
});

describe('sendBody: a raw body through the CSRF handling', () => {
  beforeEach(() => setCsrfToken(null));
  afterEach(() => vi.unstubAllGlobals());

  it('sends the file as it is, with its own type and the token, the rest in the query; retries once', async () => {
    setCsrfToken('stale');
    const calls: Array<{ url: string; type: string | null; csrf: string | null; body: string | null }> = [];
    const answers = [
      () => new Response(JSON.stringify({ code: 'csrf_failed' }), { status: 403 }),
      () => new Response(JSON.stringify({ csrf_token: 'fresh' }), { status: 200 }),
      () => new Response(JSON.stringify({ id: 'CSD1', values: 4 }), { status: 201 }),
    ];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      calls.push({
        url,
        type: headers.get('content-type'),
        csrf: headers.get('x-csrf-token'),
        body: init.body instanceof Blob ? await init.body.text() : null,
      });
      return answers.shift()!();
    });
    const file = new Blob(['样品编号,Cu_ppm\nCSR1-001,1520\n'], { type: 'application/vnd.ms-excel' });
    const answer = await sendBody(
      'POST',
      '/requests/CSR1/returns',
      { content: file, type: 'text/csv' },
      { kind: 'assay', title: '铜 分析', file_name: 'a.csv', doi: undefined },
    );
    expect(answer).toEqual({ id: 'CSD1', values: 4 });
    const url = '/api/requests/CSR1/returns?kind=assay&title=%E9%93%9C+%E5%88%86%E6%9E%90&file_name=a.csv';
    expect(calls).toEqual([
      { url, type: 'text/csv', csrf: 'stale', body: '样品编号,Cu_ppm\nCSR1-001,1520\n' },
      { url: '/api/auth/me', type: null, csrf: null, body: null },
      { url, type: 'text/csv', csrf: 'fresh', body: '样品编号,Cu_ppm\nCSR1-001,1520\n' },
    ]);
  });

  it('sends no body and no content type for a publication', async () => {
    setCsrfToken('t');
    let seen: RequestInit | undefined;
    vi.stubGlobal('fetch', (_url: string, init: RequestInit) => {
      seen = init;
      return Promise.resolve(new Response('{}', { status: 201 }));
    });
    await sendBody('POST', '/requests/CSR1/returns', null, { kind: 'publication', doi: '10.1/x' });
    expect(seen?.body).toBeUndefined();
    expect(new Headers(seen?.headers).get('content-type')).toBeNull();
    expect(new Headers(seen?.headers).get('x-csrf-token')).toBe('t');
  });
});
