import { installFakeWx, type FakeWx } from '../../support/fake-wx';
import { FakeAudioManager } from '../../pages/guide/fakes';

type Audio = typeof import('../../../miniprogram/packages/guide/services/audio');

let fake: FakeWx;
let manager: FakeAudioManager;

/** A fresh copy of the service, as after a page's modules reload; the manager is the app's, kept. */
async function service(): Promise<Audio> {
  jest.resetModules();
  return import('../../../miniprogram/packages/guide/services/audio');
}

const tick = () => new Promise((r) => setTimeout(r, 0));
const track = { src: 'https://cdn.example.com/a.mp3', title: 'A', singer: 'Auckland', coverImgUrl: 'c.jpg' };

beforeEach(() => {
  fake = installFakeWx();
  manager = new FakeAudioManager();
  fake.extend({ getBackgroundAudioManager: () => manager });
});

test('playing a track sets the title before the src, which starts playback; listeners hear it', async () => {
  const audio = await service();
  const heard: boolean[] = [];
  audio.onAudioStatus((s) => heard.push(s.playing));
  audio.playAudio(track);
  expect(manager).toMatchObject({ title: 'A', singer: 'Auckland', coverImgUrl: 'c.jpg', src: track.src });
  await tick();
  expect(audio.audioStatus()).toMatchObject({ src: track.src, playing: true, waiting: false, position: 0 });
  expect(heard.at(-1)).toBe(true);
});

test('pause and play again resume the same track where it was', async () => {
  const audio = await service();
  audio.playAudio(track);
  manager.advance(42, 120);
  audio.pauseAudio();
  await tick();
  expect(audio.audioStatus()).toMatchObject({ playing: false, position: 42, duration: 120 });
  audio.playAudio(track);
  await tick();
  expect(audio.audioStatus()).toMatchObject({ playing: true, position: 42 });
  audio.seekAudio(-5);
  expect(manager.currentTime).toBe(0);
});

test('another track replaces the current one', async () => {
  const audio = await service();
  audio.playAudio(track);
  manager.advance(10, 60);
  audio.playAudio({ src: 'https://cdn.example.com/b.mp3', title: 'B' });
  expect(audio.audioStatus()).toMatchObject({ src: 'https://cdn.example.com/b.mp3', position: 0 });
  expect(manager.title).toBe('B');
});

test('the state survives a reload of the service: the manager is the source of truth', async () => {
  (await service()).playAudio(track);
  await tick();
  manager.advance(7, 60);
  const again = await service();
  expect(again.audioStatus()).toMatchObject({ src: track.src, playing: true, position: 7, duration: 60 });
});

test('an error is reported for that track, and playing it again retries', async () => {
  const audio = await service();
  audio.playAudio(track);
  manager.fire('error');
  expect(audio.audioStatus()).toMatchObject({ failed: true });
  audio.playAudio(track);
  expect(audio.audioStatus()).toMatchObject({ failed: false, waiting: true });
});

test('unsubscribed listeners hear nothing more', async () => {
  const audio = await service();
  const heard: unknown[] = [];
  const stop = audio.onAudioStatus((s) => heard.push(s));
  stop();
  audio.playAudio(track);
  await tick();
  expect(heard).toEqual([]);
});
