// The policy document as a one-page PDF (what Policy.documentUrl serves). Written by hand to need no library:
// a PDF 1.4 file with the standard Helvetica font, so the text is ASCII (pinyin names, English plan name).
import type { components } from '../../typings/api';
import { minorExponent, type Money } from '../../miniprogram/domain/money';

type Policy = components['schemas']['Policy'];

const ascii = (text: string): string => text.replace(/[^\x20-\x7e]/g, '?');
const pdfString = (text: string): string => `(${ascii(text).replace(/[\\()]/g, (c) => `\\${c}`)})`;

function lines(policy: Policy): string[] {
  const money = (m: Money): string => {
    const exp = minorExponent(m.currency);
    return `${m.currency} ${(m.amount / 10 ** exp).toFixed(exp)}`;
  };
  return [
    'Wayfarer travel insurance - DEMO DOCUMENT, NOT A REAL POLICY',
    '',
    `Policy number: ${policy.policyNumber}`,
    `Plan: ${policy.planName.en} (terms ${policy.termsVersion})`,
    `Cover: ${policy.startDate} to ${policy.endDate} (${policy.timeZone})`,
    `Status: ${policy.status}`,
    `Premium: ${money(policy.premium)}`,
    `Policyholder: ${policy.holder.name}, ${policy.holder.mobile}, ${policy.holder.email}`,
    '',
    'Insured persons:',
    ...policy.insured.map(
      (p) =>
        `  ${p.namePinyin}  ${p.documentType} ${p.documentNumberMasked}  born ${p.birthDate}  (${p.ageBand})`,
    ),
    '',
    'Coverage limits:',
    ...policy.coverage.map((row) => `  ${row.key}: ${money(row.limit)}`),
    `  excess: ${money(policy.excess)}`,
  ];
}

export function policyPdf(policy: Policy): Buffer {
  const text = lines(policy)
    .map((line, i) => `${i === 0 ? '' : 'T* '}${pdfString(line)} Tj`)
    .join('\n');
  const content = `BT /F1 11 Tf 14 TL 50 780 Td\n${text}\nET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const offset = Buffer.byteLength(body, 'latin1');
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
