// The agreement as a PDF to print, file or send: both texts (Chinese first), the SHA-256 the parties
// signed and each signature. Chinese needs a CJK font, taken from the system (Debian's
// fonts-noto-cjk) at the configured path: nothing is downloaded. Same agreement and signatures, same
// bytes: the dates in the metadata are the agreement's own, and the file id derives from them.
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { Store } from '../../store/store.js';
import { PARTY_LABELS, type Party } from '../../domain/sharing/request-workflow.js';
import type { Caller } from '../audit.service.js';
import { AppError } from '../errors.js';
import { getAgreement, type AgreementView } from './agreement.service.js';

/** The face used inside a font collection (.ttc) when the setting names none: Simplified Chinese. */
export const CJK_COLLECTION_FACE = 'NotoSansCJKsc-Regular';

export interface AgreementPdfOptions {
  /** CORESHARE_CJK_FONT: a font file, or a collection with `#PostScriptName` to choose its face. */
  font: string;
  /** Off only for tests that read the page's text. */
  compress?: boolean;
}

function fontOf(setting: string): { path: string; face: string | undefined } {
  const [path = '', face] = setting.split('#');
  return { path, face: face || (/\.(ttc|otc)$/i.test(path) ? CJK_COLLECTION_FACE : undefined) };
}

/** The agreement's PDF; a 503 naming the setting and the Debian package when the font is missing. */
export async function renderAgreementPdf(a: AgreementView, options: AgreementPdfOptions): Promise<Buffer> {
  const font = fontOf(options.font);
  if (!existsSync(font.path)) {
    const message = `the CJK font for agreement PDFs is missing at ${font.path}: install the Debian package fonts-noto-cjk or set CORESHARE_CJK_FONT to a CJK font file`;
    throw new AppError('font_missing', 503, message, [
      {
        message,
        message_zh: `缺少生成协议 PDF 所需的中文字体 ${font.path}：请安装 Debian 软件包 fonts-noto-cjk，或用 CORESHARE_CJK_FONT 指定中文字体文件`,
      },
    ]);
  }
  const created = new Date(a.created_at);
  const lastSigned = a.signatures
    .map((s) => s.signed_at)
    .sort()
    .pop();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 64, left: 56, right: 56 },
    compress: options.compress ?? true,
    bufferPages: true,
    info: {
      Title: `${a.body_zh.split('\n')[0]} / ${a.body_en.split('\n')[0]}`,
      Author: 'CoreShare',
      Creator: 'CoreShare',
      Subject: `SHA-256 ${a.sha256}`,
      Keywords: [...new Set([a.id, a.request_id, ...a.terms.publication_credit.cite])].join(' '),
      CreationDate: created,
      ModDate: lastSigned ? new Date(lastSigned) : created,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', font.path, font.face);
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;

  const body = (text: string) => {
    const [title = '', ...paragraphs] = text.split('\n\n');
    doc.font('cjk').fontSize(15).text(title, { align: 'center' }).moveDown(0.6);
    for (const p of paragraphs) doc.fontSize(10).text(p, { width, lineGap: 2 }).moveDown(0.5);
  };
  body(a.body_zh);
  doc.moveDown();
  body(a.body_en);

  doc
    .moveDown()
    .font('cjk')
    .fontSize(11)
    .text('文本摘要 Digest of the terms and text (SHA-256)')
    .moveDown(0.2);
  doc.font('Courier').fontSize(9).text(a.sha256);
  if (!a.intact)
    doc
      .font('cjk')
      .fontSize(10)
      .fillColor('#b00020')
      .text(
        '文本与摘要不符：本协议已在平台之外被改动，签署无效。The text no longer matches its digest: it was changed outside CoreShare, and the signatures are void.',
      )
      .fillColor('black');

  doc.moveDown().font('cjk').fontSize(11).text('签署 Signatures').moveDown(0.2);
  for (const party of a.signatories) {
    const label = PARTY_LABELS[party as Party];
    const s = a.signatures.find((x) => x.party === party);
    doc.font('cjk').fontSize(10).text(`${label.zh} ${label.en}：`, { continued: true });
    if (!s) {
      doc.text(' 待签署 awaiting signature').moveDown(0.3);
      continue;
    }
    const at = `${s.signed_at.slice(0, 19).replace('T', ' ')} UTC`;
    doc.text(` ${s.signer}，${at}${s.valid ? '' : '（签署无效 void）'}`);
    doc.font('Courier').fontSize(8).text(`signed SHA-256 ${s.signed_sha256}`).moveDown(0.3);
  }

  // Every page names the agreement and its digest, so a loose page still shows what it belongs to.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Courier')
      .fontSize(7)
      .fillColor('gray')
      .text(
        `${a.id} · SHA-256 ${a.sha256.slice(0, 16)}… · ${i + 1}/${range.count}`,
        doc.page.margins.left,
        doc.page.height - 40,
        { width, align: 'center', lineBreak: false },
      )
      .fillColor('black');
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

/** The PDF of an agreement (by its id or its request's), for its parties only. */
export async function agreementPdf(
  store: Store,
  caller: Caller,
  id: string,
  options: AgreementPdfOptions,
): Promise<{ id: string; pdf: Buffer }> {
  const agreement = await getAgreement(store, caller, id);
  return { id: agreement.id, pdf: await renderAgreementPdf(agreement, options) };
}
