// Audio guides through WeChat's background audio manager: playback goes on when the page is left (and, with
// requiredBackgroundModes ["audio"], when the app is). The manager is the one source of truth, so a page
// opened later reads the real state of what is playing.
export interface AudioTrack {
  src: string;
  title: string;
  /** Shown in the system player; the manager needs a title before it accepts a src. */
  singer?: string;
  coverImgUrl?: string;
}

export interface AudioStatus {
  src: string;
  playing: boolean;
  /** Buffering before or during playback. */
  waiting: boolean;
  failed: boolean;
  /** Seconds. */
  position: number;
  duration: number;
}

type Listener = (status: AudioStatus) => void;

let manager: WechatMiniprogram.BackgroundAudioManager | undefined;
const listeners = new Set<Listener>();
let waiting = false;
let failedSrc = '';

function emit(): void {
  const status = audioStatus();
  listeners.forEach((fn) => fn(status));
}

function bgm(): WechatMiniprogram.BackgroundAudioManager {
  if (!manager) {
    const m = wx.getBackgroundAudioManager();
    const settled = () => {
      waiting = false;
      emit();
    };
    m.onPlay(settled);
    m.onCanplay(settled);
    m.onPause(emit);
    m.onStop(emit);
    m.onEnded(emit);
    m.onTimeUpdate(emit);
    m.onWaiting(() => {
      waiting = true;
      emit();
    });
    m.onError(() => {
      waiting = false;
      failedSrc = m.src;
      emit();
    });
    manager = m;
  }
  return manager;
}

export function audioStatus(): AudioStatus {
  const m = bgm();
  const src = m.src ?? '';
  return {
    src,
    playing: src !== '' && !m.paused,
    waiting: src !== '' && waiting,
    failed: src !== '' && src === failedSrc,
    position: m.currentTime || 0,
    duration: m.duration || 0,
  };
}

/** Plays the track: resumes it when it is the one loaded, otherwise loads it (which starts playback). */
export function playAudio(track: AudioTrack): void {
  const m = bgm();
  if (m.src === track.src && failedSrc !== track.src) {
    if (m.paused) m.play();
    return;
  }
  failedSrc = '';
  waiting = true;
  m.title = track.title;
  if (track.singer) m.singer = track.singer;
  if (track.coverImgUrl) m.coverImgUrl = track.coverImgUrl;
  m.src = track.src;
  emit();
}

export function pauseAudio(): void {
  bgm().pause();
}

export function seekAudio(seconds: number): void {
  bgm().seek(Math.max(0, seconds));
}

/** Subscribes to every change (play, pause, progress, end, error); returns the unsubscribe function. */
export function onAudioStatus(fn: Listener): () => void {
  bgm();
  listeners.add(fn);
  return () => listeners.delete(fn);
}
