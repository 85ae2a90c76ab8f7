// Portico reference target — selfie capture (served at /assets/selfie/selfie.js).
//
// Plain browser ES module, no bundler. The page provides (ids are the contract):
//   <form id="selfie-form" method="post" action="/selfie" data-gate="fair|naive-absolute">
//     <video id="selfie-video" playsinline muted></video>
//     <canvas id="selfie-canvas" hidden></canvas>
//     <button type="button" id="selfie-start">…</button>   (optional: the camera starts on click)
//     <button type="button" id="selfie-take">…</button>
//     <input type="hidden" name="metrics"> <input type="hidden" name="faceFound">
//     <p id="selfie-status" role="status"></p>
//   </form>
// Localised messages come from data-msg-* attributes on the form (English fallbacks below), so the
// server renders them in the user's language. Asset locations default to siblings of this file
// (/assets/human/…, /assets/tfjs-wasm/) and can be overridden with data-human-src,
// data-model-base and data-wasm-path. Nothing is fetched from the network beyond our own server.
//
// Face presence: BlazeFace (from @vladmandic/human, its shipped weights) on the tfjs WASM backend.
// Taking a photo: detect the face; meter the exposure ON THE FACE (data-exposure="face", the
// default) by setting the camera's exposureCompensation where it offers one; average a burst of
// frames; detect again. Exposure metrics are measured on the detected face box from the canvas
// pixels (BT.601 luma) and posted; the server applies the gate (the form's data-gate) and decides.

const MESSAGES = {
  loading: 'Loading the face detector…',
  starting: 'Starting the camera…',
  ready: 'Camera ready. Center your face and select “Take photo”.',
  noCamera: 'No camera is available. You can choose “I cannot take a photo” instead.',
  denied: 'The camera could not be started. You can choose “I cannot take a photo” instead.',
  detecting: 'Photo taken. Looking for a face…',
  noFace: 'No face was found in the photo. Sending it for review…',
  faceFound: 'Face found. Sending the photo for checking…',
  failed: 'The photo could not be checked on this device. Sending it for review…',
};

/** Face-metered exposure brings the face's mean linear luminance to mid-grey (18%). */
const FACE_TARGET_LINEAR = 0.18;
/** Frames averaged into the photo. */
const BURST_FRAMES = 12;

/** BT.601 luma (full range) of an RGBA pixel buffer, as a Float32Array. */
export function lumaPlane(rgba, width, height) {
  const out = new Float32Array(width * height);
  for (let i = 0, o = 0; i < out.length; i++, o += 4) out[i] = 0.299 * rgba[o] + 0.587 * rgba[o + 1] + 0.114 * rgba[o + 2];
  return out;
}

function clampBox(box, width, height) {
  const x0 = Math.max(0, Math.floor(box.x));
  const y0 = Math.max(0, Math.floor(box.y));
  const x1 = Math.min(width, Math.ceil(box.x + box.width));
  const y1 = Math.min(height, Math.ceil(box.y + box.height));
  return { x: x0, y: y0, width: Math.max(0, x1 - x0), height: Math.max(0, y1 - y0) };
}

/**
 * Noise: Immerkær's fast estimator (σ = √(π/2) / (6(W−2)(H−2)) · Σ|I ∗ M|, M the 3×3 difference of
 * Laplacians) on 8×8 blocks of the face region; the median over blocks, so that edges (eyes, brows,
 * mouth) do not count as noise.
 */
export function noiseEstimate(luma, width, region) {
  const sigmas = [];
  const B = 8;
  for (let by = region.y; by + B <= region.y + region.height; by += B) {
    for (let bx = region.x; bx + B <= region.x + region.width; bx += B) {
      let sum = 0;
      for (let y = by + 1; y < by + B - 1; y++) {
        for (let x = bx + 1; x < bx + B - 1; x++) {
          const i = y * width + x;
          const v =
            luma[i - width - 1] - 2 * luma[i - width] + luma[i - width + 1] -
            2 * luma[i - 1] + 4 * luma[i] - 2 * luma[i + 1] +
            luma[i + width - 1] - 2 * luma[i + width] + luma[i + width + 1];
          sum += Math.abs(v);
        }
      }
      sigmas.push((Math.sqrt(Math.PI / 2) * sum) / (6 * (B - 2) * (B - 2)));
    }
  }
  if (sigmas.length === 0) return 0;
  sigmas.sort((a, b) => a - b);
  return sigmas[sigmas.length >> 1];
}

/**
 * Exposure metrics for a captured frame and a detected face box ({x, y, width, height} in pixels).
 * The face statistics use the central part of the box (60% × 70%), which is skin and features,
 * not hair or background.
 */
export function exposureMetrics(rgba, width, height, faceBox) {
  const luma = lumaPlane(rgba, width, height);
  let frameSum = 0;
  for (let i = 0; i < luma.length; i++) frameSum += luma[i];
  const metrics = { width, height, frameMeanLuma: frameSum / luma.length };
  if (!faceBox) return metrics;
  const box = clampBox(faceBox, width, height);
  const inner = clampBox(
    { x: box.x + box.width * 0.2, y: box.y + box.height * 0.15, width: box.width * 0.6, height: box.height * 0.7 },
    width,
    height,
  );
  let sum = 0;
  let sumSq = 0;
  let bright = 0;
  let n = 0;
  for (let y = inner.y; y < inner.y + inner.height; y++) {
    for (let x = inner.x; x < inner.x + inner.width; x++) {
      const v = luma[y * width + x];
      sum += v;
      sumSq += v * v;
      if (v >= 250) bright++;
      n++;
    }
  }
  let boxSum = 0;
  for (let y = box.y; y < box.y + box.height; y++) for (let x = box.x; x < box.x + box.width; x++) boxSum += luma[y * width + x];
  const backgroundCount = luma.length - box.width * box.height;
  const faceMean = n ? sum / n : 0;
  return {
    ...metrics,
    faceMeanLuma: faceMean,
    faceStdLuma: n ? Math.sqrt(Math.max(0, sumSq / n - faceMean * faceMean)) : 0,
    faceNoise: noiseEstimate(luma, width, inner),
    faceClippedShare: n ? bright / n : 0,
    backgroundMeanLuma: backgroundCount > 0 ? (frameSum - boxSum) / backgroundCount : metrics.frameMeanLuma,
    faceBox: box,
  };
}

function round(metrics) {
  const out = {};
  for (const [key, value] of Object.entries(metrics)) out[key] = typeof value === 'number' ? Math.round(value * 1000) / 1000 : value;
  return out;
}

async function main() {
  const form = document.getElementById('selfie-form');
  if (!form) return;
  const video = document.getElementById('selfie-video');
  const canvas = document.getElementById('selfie-canvas') || document.createElement('canvas');
  const status = document.getElementById('selfie-status');
  const startButton = document.getElementById('selfie-start');
  const takeButton = document.getElementById('selfie-take');
  const metricsField = form.elements.namedItem('metrics');
  const faceField = form.elements.namedItem('faceFound');
  const msg = (key) => form.dataset[`msg${key[0].toUpperCase()}${key.slice(1)}`] || MESSAGES[key];
  const say = (key, extra) => {
    if (status) status.textContent = msg(key) + (extra ? ` ${extra}` : '');
    form.dataset.selfieState = key;
  };
  const assets = new URL('../', import.meta.url);
  const humanSrc = form.dataset.humanSrc || new URL('human/dist/human.esm.js', assets).href;
  const modelBasePath = form.dataset.modelBase || new URL('human/models/', assets).href;
  const wasmPath = form.dataset.wasmPath || new URL('tfjs-wasm/', assets).href;
  const gate = form.dataset.gate || 'fair';
  // 'face' (meter the exposure on the detected face) or 'frame' (leave the camera's whole-frame metering).
  const exposure = form.dataset.exposure === 'frame' ? 'frame' : 'face';

  if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    say('noCamera');
    if (takeButton) takeButton.disabled = true;
    return;
  }

  let human = null;
  let loading = null;
  const loadDetector = () => {
    loading ??= (async () => {
      const { Human } = await import(humanSrc);
      const instance = new Human({
        backend: 'wasm',
        wasmPath,
        modelBasePath,
        cacheModels: false,
        debug: false,
        async: true,
        warmup: 'none',
        cacheSensitivity: 0,
        filter: { enabled: false },
        gesture: { enabled: false },
        body: { enabled: false },
        hand: { enabled: false },
        object: { enabled: false },
        segmentation: { enabled: false },
        face: {
          enabled: true,
          detector: { modelPath: 'blazeface.json', rotation: false, maxDetected: 1, minConfidence: 0.2, skipFrames: 0, skipTime: 0, scale: 1, return: false },
          mesh: { enabled: false },
          attention: { enabled: false },
          iris: { enabled: false },
          emotion: { enabled: false },
          description: { enabled: false },
          antispoof: { enabled: false },
          liveness: { enabled: false },
        },
      });
      await instance.load();
      human = instance;
      return instance;
    })();
    return loading;
  };

  let streamStarted = false;
  const startCamera = async () => {
    if (streamStarted) return;
    streamStarted = true;
    say('starting');
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'user', width: { ideal: 640 }, height: { ideal: 480 } }, audio: false });
      video.srcObject = stream;
      await video.play();
      if (video.readyState < 2) await new Promise((resolve) => video.addEventListener('loadeddata', resolve, { once: true }));
    } catch (error) {
      streamStarted = false;
      say('denied');
      form.dataset.selfieError = String(error && error.name ? error.name : error);
      return;
    }
    say('loading');
    try {
      await loadDetector();
    } catch (error) {
      form.dataset.selfieError = `detector: ${error && error.message ? error.message : error}`;
    }
    if (takeButton) takeButton.disabled = false;
    say('ready');
  };

  const videoTrack = () => (video.srcObject && video.srcObject.getVideoTracks ? video.srcObject.getVideoTracks()[0] : null);
  // The next frame the camera delivers (requestVideoFrameCallback where there is one).
  const nextFrame = () =>
    new Promise((resolve) => {
      if (typeof video.requestVideoFrameCallback === 'function') {
        let done = false;
        const timer = setTimeout(() => { if (!done) { done = true; resolve(); } }, 200);
        video.requestVideoFrameCallback(() => { if (!done) { done = true; clearTimeout(timer); resolve(); } });
      } else setTimeout(resolve, 1000 / 30);
    });
  const detectFace = async () => {
    try {
      const detector = human || (await loadDetector());
      const result = await detector.detect(canvas);
      return { face: (result.face || []).slice().sort((a, b) => (b.boxScore ?? b.score) - (a.boxScore ?? a.score))[0] || null, error: null };
    } catch (error) {
      return { face: null, error: String(error && error.message ? error.message : error) };
    }
  };

  /**
   * Exposure metered on the FACE (the detector's box), not on the whole frame: a phone meters the
   * whole frame by default, so a bright window or a dark room leaves the face under-exposed, darker
   * skin the most. When the camera offers exposureCompensation (Image Capture constraints), set it so
   * the face's mean comes to mid-grey, within the camera's range. Returns the EV applied, or null.
   */
  const meterOnFace = async (ctx, width, height, face) => {
    const track = videoTrack();
    const caps = track && typeof track.getCapabilities === 'function' ? track.getCapabilities() : {};
    const range = caps && caps.exposureCompensation;
    if (!range || typeof track.applyConstraints !== 'function') return null;
    const box = { x: face.box[0], y: face.box[1], width: face.box[2], height: face.box[3] };
    const m = exposureMetrics(ctx.getImageData(0, 0, width, height).data, width, height, box);
    const s = Math.max(m.faceMeanLuma, 1) / 255;
    const linear = s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    const current = (track.getSettings && track.getSettings().exposureCompensation) || 0;
    const step = range.step || 1 / 3;
    const ev = Math.min(range.max, Math.max(range.min, Math.round((current + Math.log2(FACE_TARGET_LINEAR / linear)) / step) * step));
    if (Math.abs(ev - current) < step / 2) return current;
    try {
      await track.applyConstraints({ advanced: [{ exposureCompensation: ev }] });
    } catch {
      return null;
    }
    for (let i = 0; i < 4; i++) await nextFrame(); // let the new exposure reach the preview
    return ev;
  };

  /**
   * A burst of frames averaged (multi-frame noise reduction, as phone cameras do in low light): at
   * the camera's gain limit a dim face has few photons whatever its exposure; averaging N frames
   * divides the sensor noise by √N.
   */
  const burst = async (ctx, width, height) => {
    const sum = new Float32Array(width * height * 4);
    for (let i = 0; i < BURST_FRAMES; i++) {
      await nextFrame();
      ctx.drawImage(video, 0, 0, width, height);
      const px = ctx.getImageData(0, 0, width, height).data;
      for (let j = 0; j < px.length; j++) sum[j] += px[j];
    }
    const out = ctx.createImageData(width, height);
    for (let j = 0; j < sum.length; j++) out.data[j] = Math.round(sum[j] / BURST_FRAMES);
    ctx.putImageData(out, 0, 0);
  };

  const takePhoto = async () => {
    await startCamera();
    if (!video.srcObject) return;
    if (takeButton) takeButton.disabled = true;
    const width = video.videoWidth;
    const height = video.videoHeight;
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    ctx.drawImage(video, 0, 0, width, height);
    say('detecting');
    let { face, error: detectorError } = await detectFace();
    let exposureCompensation = null;
    if (face && exposure === 'face') exposureCompensation = await meterOnFace(ctx, width, height, face);
    await burst(ctx, width, height);
    ({ face, error: detectorError } = await detectFace());
    const pixels = ctx.getImageData(0, 0, width, height).data;
    const box = face ? { x: face.box[0], y: face.box[1], width: face.box[2], height: face.box[3] } : null;
    const metrics = round({ ...exposureMetrics(pixels, width, height, box), gate, exposure, burst: BURST_FRAMES, faceScore: face ? face.boxScore ?? face.score : 0 });
    if (exposureCompensation !== null) metrics.exposureCompensation = exposureCompensation;
    if (detectorError) metrics.detectorError = detectorError;
    metricsField.value = JSON.stringify(metrics);
    faceField.value = face ? 'true' : 'false';
    form.dataset.selfieMetrics = metricsField.value;
    say(detectorError ? 'failed' : face ? 'faceFound' : 'noFace');
    if (form.dataset.noSubmit === undefined) form.submit();
  };

  if (takeButton) {
    takeButton.disabled = !!startButton;
    takeButton.addEventListener('click', () => void takePhoto());
  }
  if (startButton) startButton.addEventListener('click', () => void startCamera());
  else void startCamera();
}

if (typeof document !== 'undefined') void main();
