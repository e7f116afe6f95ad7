// Location with its permission states: never asked -> ask; denied -> explain and open settings.
export type LocationPermission = 'unknown' | 'granted' | 'denied';

export type LocateResult =
  | { ok: true; lat: number; lng: number; coordSystem: 'gcj02' }
  | { ok: false; reason: 'denied' | 'privacy_refused' | 'unavailable' };

function permissionOf(setting: WechatMiniprogram.AuthSetting): LocationPermission {
  const granted = setting['scope.userLocation'];
  return granted === undefined ? 'unknown' : granted ? 'granted' : 'denied';
}

export function locationPermission(): Promise<LocationPermission> {
  return new Promise((resolve) => {
    wx.getSetting({
      success: (res) => resolve(permissionOf(res.authSetting)),
      fail: () => resolve('unknown'),
    });
  });
}

export async function locate(): Promise<LocateResult> {
  if ((await locationPermission()) === 'denied') return { ok: false, reason: 'denied' };
  return new Promise((resolve) => {
    // gcj02 is what <map> and wx.openLocation expect; outside mainland China it equals wgs84.
    wx.getLocation({
      type: 'gcj02',
      success: (res) => resolve({ ok: true, lat: res.latitude, lng: res.longitude, coordSystem: 'gcj02' }),
      fail: (err) => {
        const msg = err.errMsg;
        if (/privacy|112|104/i.test(msg)) resolve({ ok: false, reason: 'privacy_refused' });
        else if (/auth|deny|denied/i.test(msg)) resolve({ ok: false, reason: 'denied' });
        else resolve({ ok: false, reason: 'unavailable' });
      },
    });
  });
}

/** Opens the settings page (only from a tap) and reports the permission afterwards. */
export function openLocationSettings(): Promise<LocationPermission> {
  return new Promise((resolve) => {
    wx.openSetting({
      success: (res) => resolve(permissionOf(res.authSetting)),
      fail: () => resolve('unknown'),
    });
  });
}
