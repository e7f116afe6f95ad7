// Documents behind the API (a policy PDF): downloaded with the session token (wx.downloadFile, one re-login on
// 401) and shown with wx.openDocument. Every outcome is a value; nothing throws.
import { renewSession, ensureSession } from '../../../services/session';
import { networkReason } from '../../../services/transport';
import type { NetworkReason } from '../../../services/result';

export type DocumentOutcome =
  { ok: true } | { ok: false; reason: NetworkReason | 'auth' | 'http' | 'open'; status?: number };

type Download = { kind: 'file'; path: string; status: number } | { kind: 'network'; reason: NetworkReason };

const DOWNLOAD_TIMEOUT_MS = 30000;

function download(url: string, token: string): Promise<Download> {
  return new Promise((resolve) => {
    wx.downloadFile({
      url,
      header: { authorization: `Bearer ${token}` },
      timeout: DOWNLOAD_TIMEOUT_MS,
      success: (res) => resolve({ kind: 'file', path: res.tempFilePath, status: res.statusCode }),
      fail: (err) => resolve({ kind: 'network', reason: networkReason(err.errMsg) }),
    });
  });
}

function open(filePath: string, fileType: 'pdf'): Promise<boolean> {
  return new Promise((resolve) => {
    wx.openDocument({
      filePath,
      fileType,
      // Lets the traveller keep or forward their own policy (e.g. to a clinic abroad).
      showMenu: true,
      success: () => resolve(true),
      fail: () => resolve(false),
    });
  });
}

export async function openRemoteDocument(url: string, fileType: 'pdf' = 'pdf'): Promise<DocumentOutcome> {
  const session = await ensureSession();
  if (!session.ok) return { ok: false, reason: 'auth' };
  let res = await download(url, session.data);
  if (res.kind === 'file' && res.status === 401) {
    const renewed = await renewSession(session.data);
    if (!renewed.ok) return { ok: false, reason: 'auth' };
    res = await download(url, renewed.data);
  }
  if (res.kind === 'network') return { ok: false, reason: res.reason };
  if (res.status === 401) return { ok: false, reason: 'auth' };
  if (res.status !== 200) return { ok: false, reason: 'http', status: res.status };
  return (await open(res.path, fileType)) ? { ok: true } : { ok: false, reason: 'open' };
}
