import iconv from 'iconv-lite';
import { ImportFileError } from './issues';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

const MOJIBAKE = /Ã[¥¤¶…„–]|Ã\u0096|â€[“”™]/;

/**
 * Decodes an uploaded text file: BOMs first, then strict UTF-8, else Windows-1252 (Swedish Excel's
 * "CSV (semikolonavgränsad)"). iconv-lite, not Node 20's TextDecoder, which gets 0x80–0x9F wrong.
 */
export function decodeText(bytes: Uint8Array, fileName: string): DecodedText {
  if (bytes.length === 0) throw new ImportFileError(`Filen ${fileName} är tom.`);
  let decoded: DecodedText;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    decoded = { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    decoded = { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'utf-16le' };
  } else {
    if (looksBinary(bytes)) {
      throw new ImportFileError(
        `Filen ${fileName} är ingen textfil (CSV) och ingen Excel-fil (.xlsx). Spara den som CSV eller .xlsx och försök igen.`,
      );
    }
    try {
      decoded = { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
    } catch {
      decoded = { text: iconv.decode(Buffer.from(bytes), 'windows-1252'), encoding: 'windows-1252' };
    }
  }
  if (MOJIBAKE.test(decoded.text)) {
    throw new ImportFileError(
      `Filen ${fileName} har felaktiga tecken (t.ex. "Ã¥" i stället för "å"): den har sparats om i fel teckenkodning. ` +
        'Öppna originalet och spara som "CSV UTF-8" eller .xlsx.',
    );
  }
  return decoded;
}

/** NUL bytes or many control characters: not a text file (UTF-16 files are caught by their BOM first). */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return control > sample.length * 0.05;
}
