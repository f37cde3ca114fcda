// The device's back camera through getUserMedia, shown in the page's <video> and read through a canvas.
import { CameraError, type Frame, type FrameSource } from './frames';

export async function openWebCamera(video: HTMLVideoElement): Promise<FrameSource> {
  if (!navigator.mediaDevices?.getUserMedia) throw new CameraError('no-camera');
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
  } catch (e) {
    throw new CameraError(e instanceof Error && e.name === 'NotAllowedError' ? 'denied' : 'no-camera');
  }
  video.srcObject = stream;
  video.muted = true;
  video.playsInline = true;
  await video.play().catch(() => undefined);
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  return {
    frame(): Frame | null {
      const { videoWidth: w, videoHeight: h } = video;
      if (!ctx || !w || !h) return null;
      canvas.width = w;
      canvas.height = h;
      ctx.drawImage(video, 0, 0, w, h);
      const img = ctx.getImageData(0, 0, w, h);
      return { data: img.data, width: w, height: h };
    },
    stop() {
      for (const track of stream.getTracks()) track.stop();
      video.srcObject = null;
    },
  };
}
