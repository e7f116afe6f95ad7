// Opening a policy document: downloaded with the session token (one re-login on 401), then openDocument.
import { installFakeWx, type FakeWx } from '../../support/fake-wx';

let fake: FakeWx;
let documents: typeof import('../../../miniprogram/packages/insurance/services/documents');
let downloads: Array<{ url: string; token: string }>;
/** What the document server answers, in order (the last one repeats). */
let answers: Array<{ status: number } | { fail: string }>;
let opens: boolean;

const URL = 'http://127.0.0.1:3000/v1/policies/pol_1/document';

beforeEach(async () => {
  fake = installFakeWx();
  let sessions = 0;
  fake.net.handler = () => ({
    status: 201,
    data: { token: `token-${++sessions}`, userId: 'u-alice', expiresAt: '2026-11-23T00:00:00Z' },
  });
  downloads = [];
  answers = [{ status: 200 }];
  opens = true;
  fake.extend({
    downloadFile: (opts: {
      url: string;
      header: Record<string, string>;
      success: (r: { tempFilePath: string; statusCode: number }) => void;
      fail: (e: { errMsg: string }) => void;
    }) => {
      downloads.push({ url: opts.url, token: opts.header.authorization ?? '' });
      const answer = answers.length > 1 ? answers.shift()! : answers[0]!;
      setTimeout(() => {
        if ('fail' in answer) opts.fail({ errMsg: `downloadFile:fail ${answer.fail}` });
        else opts.success({ tempFilePath: 'wxfile://tmp/doc.pdf', statusCode: answer.status });
      }, 0);
    },
    openDocument: (opts: {
      filePath: string;
      success: () => void;
      fail: (e: { errMsg: string }) => void;
    }) => {
      fake.calls.push({ api: 'openDocument', options: opts });
      setTimeout(
        () => (opens ? opts.success() : opts.fail({ errMsg: 'openDocument:fail filetype not supported' })),
        0,
      );
    },
  });
  jest.resetModules();
  documents = await import('../../../miniprogram/packages/insurance/services/documents');
});

test('downloads with the session token and opens the PDF', async () => {
  expect(await documents.openRemoteDocument(URL)).toEqual({ ok: true });
  expect(downloads).toEqual([{ url: URL, token: 'Bearer token-1' }]);
  expect(fake.callsTo('openDocument')).toEqual([
    expect.objectContaining({ filePath: 'wxfile://tmp/doc.pdf', fileType: 'pdf', showMenu: true }),
  ]);
});

test('a 401 renews the session once and downloads again', async () => {
  answers = [{ status: 401 }, { status: 200 }];
  expect(await documents.openRemoteDocument(URL)).toEqual({ ok: true });
  expect(downloads.map((d) => d.token)).toEqual(['Bearer token-1', 'Bearer token-2']);
});

test('every failure is a value, and nothing is opened without a good download', async () => {
  answers = [{ status: 401 }];
  expect(await documents.openRemoteDocument(URL)).toEqual({ ok: false, reason: 'auth' });
  answers = [{ status: 404 }];
  expect(await documents.openRemoteDocument(URL)).toEqual({ ok: false, reason: 'http', status: 404 });
  answers = [{ fail: 'timeout' }];
  expect(await documents.openRemoteDocument(URL)).toEqual({ ok: false, reason: 'timeout' });
  answers = [{ fail: '-109:net::ERR_ADDRESS_UNREACHABLE' }];
  expect(await documents.openRemoteDocument(URL)).toEqual({ ok: false, reason: 'offline' });
  expect(fake.callsTo('openDocument')).toHaveLength(0);
  answers = [{ status: 200 }];
  opens = false;
  expect(await documents.openRemoteDocument(URL)).toEqual({ ok: false, reason: 'open' });
});

test('without a session (login fails) nothing is downloaded', async () => {
  fake.login.fail = true;
  expect(await documents.openRemoteDocument(URL)).toEqual({ ok: false, reason: 'auth' });
  expect(downloads).toHaveLength(0);
});
