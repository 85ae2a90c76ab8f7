// Portico synthetic camera, installed as an init script (harness/camera/synthetic-camera.ts).
//
// Replaces navigator.mediaDevices.getUserMedia (video) with a canvas.captureStream() that a
// simulated phone camera paints live from a linear-light scene the harness hands over through the
// binding window.__porticoCameraScene():
//   auto-exposure meters the whole frame (mean luminance → 18% grey), biased by the track's
//   exposureCompensation (EV, as the Image Capture constraint), gain limited to [minGain, maxGain];
//   total gain = exposure time (≤ 1: more light collected) × analog gain (≥ 1: amplified);
//   shot noise ∝ √light + read noise, both amplified; clip; sRGB. Fresh noise every frame.
// The track reports exposureCompensation in getCapabilities() and honours applyConstraints() with
// it, so a page that meters on the face can correct its exposure, as it would on a phone.
// The scene comes with a small per-attempt variation (shift in pixels, light level, noise seed).
(() => {
  const md = navigator.mediaDevices;
  if (!md || window.__porticoCameraInstalled) return;
  window.__porticoCameraInstalled = true;
  const original = md.getUserMedia ? md.getUserMedia.bind(md) : null;
  const originalEnumerate = md.enumerateDevices ? md.enumerateDevices.bind(md) : null;
  const FPS = 30;
  const DEVICE = 'portico-synthetic-camera';
  const EV = { min: -3, max: 3, step: 1 / 3 };

  function mulberry32(seed) {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  // sRGB transfer, indexed by √linear so dark values keep their resolution.
  const LUT_SIZE = 4096;
  const LUT = new Uint8ClampedArray(LUT_SIZE);
  for (let i = 0; i < LUT_SIZE; i++) {
    const v = (i / (LUT_SIZE - 1)) ** 2;
    const s = v <= 0.0031308 ? 12.92 * v : 1.055 * v ** (1 / 2.4) - 0.055;
    LUT[i] = Math.round(255 * s);
  }

  let scenePromise = null;
  async function loadScene() {
    scenePromise ??= (async () => {
      const payload = await window.__porticoCameraScene();
      const bin = atob(payload.data);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      const raw = new Uint16Array(bytes.buffer);
      const { width, height } = payload;
      const v = payload.variant || {};
      const dx = Math.round(v.dx || 0);
      const dy = Math.round(v.dy || 0);
      const light = v.light || 1;
      const lin = new Float32Array(width * height * 3);
      for (let y = 0; y < height; y++) {
        const sy = Math.min(height - 1, Math.max(0, y - dy));
        for (let x = 0; x < width; x++) {
          const sx = Math.min(width - 1, Math.max(0, x - dx));
          const o = (y * width + x) * 3;
          const s = (sy * width + sx) * 3;
          lin[o] = (raw[s] / payload.scale) * light;
          lin[o + 1] = (raw[s + 1] / payload.scale) * light;
          lin[o + 2] = (raw[s + 2] / payload.scale) * light;
        }
      }
      let sum = 0;
      for (let o = 0; o < lin.length; o += 3) sum += 0.2126 * lin[o] + 0.7152 * lin[o + 1] + 0.0722 * lin[o + 2];
      const mean = sum / (width * height);
      // A table of normal deviates (Box–Muller), read from a fresh offset every frame.
      const uniform = mulberry32(v.seed || 1);
      const normals = new Float32Array(1 << 20);
      for (let i = 0; i < normals.length; i += 2) {
        let u = 0;
        while (u === 0) u = uniform();
        const r = Math.sqrt(-2 * Math.log(u));
        const t = 2 * Math.PI * uniform();
        normals[i] = r * Math.cos(t);
        normals[i + 1] = r * Math.sin(t);
      }
      return { width, height, lin, mean, camera: payload.camera, normals, uniform };
    })();
    return scenePromise;
  }

  // sRGB transfer indexed linearly (2^16 steps: the darkest step is 0.05 of an 8-bit level), so a
  // frame costs one multiply-add and one lookup per channel.
  const LIN_SIZE = 1 << 16;
  const LIN_LUT = new Uint8ClampedArray(LIN_SIZE);
  for (let i = 0; i < LIN_SIZE; i++) LIN_LUT[i] = LUT[(Math.sqrt(i / (LIN_SIZE - 1)) * (LUT_SIZE - 1) + 0.5) | 0];

  /**
   * What does not change from frame to frame at one exposure: the amplified signal and the
   * amplified noise deviation of every channel (shot noise ∝ √light + read noise).
   */
  function exposurePlanes(scene, ev) {
    const c = scene.camera;
    const auto = Math.min(c.maxGain, Math.max(c.minGain, c.meterTarget / Math.max(scene.mean, 1e-6)));
    const gain = Math.min(c.maxGain, Math.max(c.minGain, auto * 2 ** ev));
    const exposure = Math.min(gain, 1);
    const analog = Math.max(gain, 1);
    const read2 = c.readNoise * c.readNoise;
    const invWell = 1 / c.fullWell;
    const { lin } = scene;
    const signal = new Float32Array(lin.length);
    const sigma = new Float32Array(lin.length);
    for (let i = 0; i < lin.length; i++) {
      const u = exposure * lin[i];
      signal[i] = analog * u;
      sigma[i] = analog * Math.sqrt((u < 1 ? u : 1) * invWell + read2);
    }
    return { gain, signal, sigma };
  }

  /** One frame with its own sensor noise (read from a fresh offset of the normal table). */
  function paint(scene, planes, image) {
    const { signal, sigma } = planes;
    const { normals } = scene;
    const mask = normals.length - 1;
    let k = Math.floor(scene.uniform() * normals.length);
    const px = image.data;
    const top = LIN_SIZE - 1;
    for (let i = 0, o = 0; i < signal.length; i += 3, o += 4) {
      for (let ch = 0; ch < 3; ch++) {
        const v = signal[i + ch] + sigma[i + ch] * normals[k++ & mask];
        px[o + ch] = v <= 0 ? 0 : v >= 1 ? 255 : LIN_LUT[(v * top) | 0];
      }
      px[o + 3] = 255;
    }
  }

  async function syntheticStream() {
    const scene = await loadScene();
    const canvas = document.createElement('canvas');
    canvas.width = scene.width;
    canvas.height = scene.height;
    const g2d = canvas.getContext('2d');
    const image = g2d.createImageData(scene.width, scene.height);
    const stream = canvas.captureStream(FPS);
    const track = stream.getVideoTracks()[0];
    let ev = 0;
    let planes = exposurePlanes(scene, ev);
    let gain = planes.gain;
    // Every frame is painted with fresh noise, as a sensor gives: a page that averages a burst of
    // frames (multi-frame noise reduction) must get the √N it would get from a real camera.
    paint(scene, planes, image);
    g2d.putImageData(image, 0, 0);
    const timer = setInterval(() => {
      if (track.readyState === 'ended') return clearInterval(timer);
      paint(scene, planes, image);
      g2d.putImageData(image, 0, 0);
    }, 1000 / FPS);
    const stop = track.stop.bind(track);
    track.stop = () => {
      clearInterval(timer);
      stop();
    };
    track.getCapabilities = () => ({
      deviceId: DEVICE,
      facingMode: ['user'],
      width: { min: scene.width, max: scene.width },
      height: { min: scene.height, max: scene.height },
      frameRate: { min: FPS, max: FPS },
      exposureCompensation: { ...EV },
    });
    track.getSettings = () => ({ deviceId: DEVICE, facingMode: 'user', width: scene.width, height: scene.height, frameRate: FPS, exposureCompensation: ev });
    const wanted = (c) => {
      if (!c) return undefined;
      if (typeof c.exposureCompensation === 'number') return c.exposureCompensation;
      if (c.exposureCompensation && typeof c.exposureCompensation === 'object') return c.exposureCompensation.exact ?? c.exposureCompensation.ideal;
      for (const a of c.advanced || []) {
        const w = wanted(a);
        if (w !== undefined) return w;
      }
      return undefined;
    };
    track.applyConstraints = async (constraints) => {
      const w = wanted(constraints);
      if (typeof w === 'number' && Number.isFinite(w)) {
        const next = Math.min(EV.max, Math.max(EV.min, Math.round(w / EV.step) * EV.step));
        if (next !== ev) { ev = next; planes = exposurePlanes(scene, ev); gain = planes.gain; }
      }
    };
    track.__porticoGain = () => gain;
    return stream;
  }

  md.getUserMedia = async function getUserMedia(constraints) {
    if (!constraints || !constraints.video) {
      if (original) return original(constraints);
      throw new DOMException('Requested device not found', 'NotFoundError');
    }
    const stream = await syntheticStream();
    if (constraints.audio && original) {
      try {
        for (const t of (await original({ audio: constraints.audio })).getAudioTracks()) stream.addTrack(t);
      } catch {
        // No microphone: the camera alone.
      }
    }
    return stream;
  };
  md.enumerateDevices = async function enumerateDevices() {
    const others = originalEnumerate ? (await originalEnumerate()).filter((d) => d.kind !== 'videoinput') : [];
    return [...others, { kind: 'videoinput', deviceId: DEVICE, groupId: 'portico', label: 'Portico synthetic camera', toJSON() { return this; } }];
  };
})();
