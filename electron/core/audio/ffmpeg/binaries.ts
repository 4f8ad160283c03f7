import ffmpegInstaller from '@ffmpeg-installer/ffmpeg';
import ffprobeInstaller from '@ffprobe-installer/ffprobe';

/**
 * The ffmpeg and ffprobe Cairn runs: the static builds shipped inside npm packages, so nothing
 * depends on what the clinician's machine has installed. CAIRN_FFMPEG / CAIRN_FFPROBE override
 * them (a packaged app points them into its resources).
 */
export function ffmpegPath(): string {
  return process.env.CAIRN_FFMPEG ?? unpacked(ffmpegInstaller.path);
}

export function ffprobePath(): string {
  return process.env.CAIRN_FFPROBE ?? unpacked(ffprobeInstaller.path);
}

/** Inside an Electron asar archive binaries cannot execute; they live in app.asar.unpacked. */
function unpacked(binary: string): string {
  return binary.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
}
