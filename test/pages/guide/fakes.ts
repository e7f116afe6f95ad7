// Scripted stand-ins for the wx objects the fake wx does not have: a MapContext and the background audio
// manager. Tests install them with fake.extend().
export class FakeMapContext {
  cluster: Record<string, unknown> | undefined;
  readonly fits: Array<{ points: Array<{ latitude: number; longitude: number }>; padding?: number[] }> = [];
  readonly moves: Array<{ latitude?: number; longitude?: number }> = [];
  initMarkerCluster(options: Record<string, unknown>): void {
    this.cluster = options;
  }
  includePoints(options: FakeMapContext['fits'][number]): void {
    this.fits.push(options);
  }
  moveToLocation(options: { latitude?: number; longitude?: number }): void {
    this.moves.push(options);
  }
}

type Event = 'play' | 'pause' | 'stop' | 'ended' | 'timeUpdate' | 'waiting' | 'canplay' | 'error';

/** WeChat's background audio manager: setting src starts playback; it lives as long as the app. */
export class FakeAudioManager {
  title = '';
  singer = '';
  coverImgUrl = '';
  paused = true;
  currentTime = 0;
  duration = 0;
  stops = 0;
  private source = '';
  private readonly handlers = new Map<Event, () => void>();

  get src(): string {
    return this.source;
  }
  set src(value: string) {
    if (!this.title) throw new Error('BackgroundAudioManager: title must be set before src');
    this.source = value;
    this.currentTime = 0;
    this.paused = false;
    setTimeout(() => {
      this.fire('canplay');
      this.fire('play');
    }, 0);
  }
  play(): void {
    this.paused = false;
    setTimeout(() => this.fire('play'), 0);
  }
  pause(): void {
    this.paused = true;
    setTimeout(() => this.fire('pause'), 0);
  }
  stop(): void {
    this.stops++;
    this.paused = true;
    this.source = '';
    this.fire('stop');
  }
  seek(position: number): void {
    this.currentTime = position;
    this.fire('timeUpdate');
  }
  /** The player moving on by some seconds, as onTimeUpdate reports it. */
  advance(seconds: number, duration: number): void {
    this.duration = duration;
    this.currentTime += seconds;
    this.fire('timeUpdate');
  }
  fire(event: Event): void {
    this.handlers.get(event)?.();
  }
  onPlay = (fn: () => void) => void this.handlers.set('play', fn);
  onPause = (fn: () => void) => void this.handlers.set('pause', fn);
  onStop = (fn: () => void) => void this.handlers.set('stop', fn);
  onEnded = (fn: () => void) => void this.handlers.set('ended', fn);
  onTimeUpdate = (fn: () => void) => void this.handlers.set('timeUpdate', fn);
  onWaiting = (fn: () => void) => void this.handlers.set('waiting', fn);
  onCanplay = (fn: () => void) => void this.handlers.set('canplay', fn);
  onError = (fn: () => void) => void this.handlers.set('error', fn);
}
