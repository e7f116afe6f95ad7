// The policy document as a one-page PDF (what Policy.documentUrl serves), labelled in Chinese and English: travellers
// and plans have Chinese names. One font, Noto Sans SC, covers both scripts; pdfkit embeds only the glyphs a policy
// uses, so a document stays near 10 KB although the font file is 10 MB.
import { createRequire } from 'node:module';
import { buffer } from 'node:stream/consumers';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import type { components } from '../../typings/api';
import { minorExponent, type Money } from '../../miniprogram/domain/money';

type Policy = components['schemas']['Policy'];

const FONT_FILE = createRequire(__filename).resolve(
  '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
);
let parsed: fontkit.Font | undefined;
/** Parsed on the first document, then shared by all: most processes never render one. */
function font(): fontkit.Font {
  if (parsed) return parsed;
  const file = fontkit.openSync(FONT_FILE);
  if ('fonts' in file) throw new Error(`${FONT_FILE} is a font collection`);
  return (parsed = file);
}

/** A block of the document: its lines, then its items indented under them. */
interface Section {
  lines: string[];
  items?: string[];
}

function sections(policy: Policy): Section[] {
  const money = (m: Money): string => {
    const exp = minorExponent(m.currency);
    return `${m.currency} ${(m.amount / 10 ** exp).toFixed(exp)}`;
  };
  return [
    { lines: ['演示文件，并非真实保单 - DEMO DOCUMENT, NOT A REAL POLICY'] },
    {
      lines: [
        `保单号 Policy number: ${policy.policyNumber}`,
        `保险计划 Plan: ${policy.planName['zh-CN']} / ${policy.planName.en}`,
        `条款版本 Terms version: ${policy.termsVersion}`,
        `保险期间 Cover: ${policy.startDate} 至 to ${policy.endDate} (${policy.timeZone})`,
        `状态 Status: ${policy.status}`,
        `保费 Premium: ${money(policy.premium)}`,
        `投保人 Policyholder: ${policy.holder.name}, ${policy.holder.mobile}, ${policy.holder.email}`,
      ],
    },
    {
      lines: ['被保险人 Insured persons:'],
      items: policy.insured.map(
        (p) =>
          `${p.nameZh ? `${p.nameZh} ` : ''}${p.namePinyin}  ${p.documentType} ${p.documentNumberMasked}  ` +
          `出生 born ${p.birthDate}  (${p.ageBand})`,
      ),
    },
    {
      lines: ['保障额度 Coverage limits:'],
      items: [
        ...policy.coverage.map((row) => `${row.key}: ${money(row.limit)}`),
        `免赔额 excess: ${money(policy.excess)}`,
      ],
    },
  ];
}

export function policyPdf(policy: Policy): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: { Title: `Wayfarer ${policy.policyNumber}`, CreationDate: new Date(policy.issuedAt) },
  });
  const pdf = buffer(doc);
  doc.font(font(), 15).text('Wayfarer 旅行保险 Travel insurance');
  doc.fontSize(11);
  for (const { lines, items = [] } of sections(policy)) {
    doc.moveDown();
    for (const text of lines) doc.text(text);
    for (const text of items) doc.text(text, { indent: 16, indentAllLines: true });
  }
  doc.end();
  return pdf;
}
