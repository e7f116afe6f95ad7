// The QR code of a payload as a module matrix (qrcode-generator, MIT): UTF-8 bytes, error correction level M
// (survives a scratched or glare-washed phone screen at a gate scanner), the smallest version that fits.
import qrcode from 'qrcode-generator';

// The library's default turns each UTF-16 unit into one byte; scanners expect UTF-8.
qrcode.stringToBytes = qrcode.stringToBytesFuncs['UTF-8']!;

export interface QrMatrix {
  /** Modules per side (4 x version + 17), without the quiet zone. */
  size: number;
  /** Row by row, true = dark. */
  dark: boolean[][];
}

export function qrMatrix(payload: string): QrMatrix {
  const qr = qrcode(0, 'M');
  qr.addData(payload, 'Byte');
  qr.make();
  const size = qr.getModuleCount();
  const dark = Array.from({ length: size }, (_, row) =>
    Array.from({ length: size }, (_, col) => qr.isDark(row, col)),
  );
  return { size, dark };
}

/** The quiet zone scanners need around the code, in modules. */
export const QUIET_ZONE = 4;
