/**
 * The Whisper models Cairn offers to download: whisper.cpp's published ggml files. Each carries
 * the checksum the download must match: SHA-256 (the host's content hash) where we have it, else
 * the SHA-1 that whisper.cpp publishes in models/README.md. A model with no published checksum is
 * not offered (the q8_0 files, for now): Cairn never installs weights it cannot verify.
 */
export interface CatalogueModel {
  name: string;
  file: string;
  /** Approximate download size, for the UI and a free-space check; the server's length rules. */
  sizeBytes: number;
  checksum: { algorithm: 'sha256' | 'sha1'; hex: string };
  englishOnly: boolean;
  quantised: boolean;
}

const MiB = 1024 * 1024;

function model(
  name: string,
  sizeBytes: number,
  algorithm: 'sha256' | 'sha1',
  hex: string,
): CatalogueModel {
  return {
    name,
    file: `ggml-${name}.bin`,
    sizeBytes,
    checksum: { algorithm, hex },
    englishOnly: name.includes('.en'),
    quantised: /-q\d_\d$/.test(name),
  };
}

export const CATALOGUE: readonly CatalogueModel[] = [
  model(
    'tiny',
    77_691_713,
    'sha256',
    'be07e048e1e599ad46341c8d2a135645097a538221678b7acdd1b1919c6e1b21',
  ),
  model(
    'tiny.en',
    77_704_715,
    'sha256',
    '921e4cf8686fdd993dcd081a5da5b6c365bfde1162e72b08d75ac75289920b1f',
  ),
  model(
    'base',
    147_951_465,
    'sha256',
    '60ed5bc3dd14eea856493d334349b405782ddcaf0028d4b5df4088345fba2efe',
  ),
  model(
    'base.en',
    147_964_211,
    'sha256',
    'a03779c86df3323075f5e796cb2ce5029f00ec8869eee3fdfb897afe36c6d002',
  ),
  model(
    'small',
    487_601_967,
    'sha256',
    '1be3a9b2063867b937e64e2ec7483364a79917e157fa98c5d94b5c1fffea987b',
  ),
  model(
    'small.en',
    487_614_201,
    'sha256',
    'c6138d6d58ecc8322097e0f987c32f1be8bb0a18532a3f88f734d1bbf9c41e5d',
  ),
  model(
    'medium',
    1_533_763_059,
    'sha256',
    '6c14d5adee5f86394037b4e4e8b59f1673b6cee10e3cf0b11bbdbee79c156208',
  ),
  model('medium.en', 1_533_774_781, 'sha1', '8c30f0e44ce9560643ebd10bbe50cd20eafd3723'),
  model('large-v1', 2950 * MiB, 'sha1', 'b1caaf735c4cc1429223d5a74f0f4d0b9b59a299'),
  model('large-v2', 2950 * MiB, 'sha1', '0f4c8e34f21cf1a914c59d8b3ce882345ad349d6'),
  model('large-v2-q5_0', 1080 * MiB, 'sha1', '00e39f2196344e901b3a2bd5814807a769bd1630'),
  model('large-v3', 2950 * MiB, 'sha1', 'ad82bf6a9043ceed055076d0fd39f5f186ff8062'),
  model('large-v3-q5_0', 1080 * MiB, 'sha1', 'e6e2ed78495d403bef4b7cff42ef4aaadcfea8de'),
  model('large-v3-turbo', 1549 * MiB, 'sha1', '4af2b29d7ec73d781377bfd1758ca957a807e941'),
  model('large-v3-turbo-q5_0', 547 * MiB, 'sha1', 'e050f7970618a659205450ad97eb95a18d69c9ee'),
];

/** whisper.cpp's model host; CAIRN_MODEL_HOST points elsewhere (a practice mirror, tests). */
export const DEFAULT_MODEL_HOST = 'https://huggingface.co/ggerganov/whisper.cpp/resolve/main';

export function modelUrl(
  entry: CatalogueModel,
  host = process.env.CAIRN_MODEL_HOST ?? DEFAULT_MODEL_HOST,
): string {
  return `${host.replace(/\/$/, '')}/${entry.file}`;
}

export function findCatalogueModel(
  name: string,
  catalogue: readonly CatalogueModel[] = CATALOGUE,
): CatalogueModel | undefined {
  const wanted = name.replace(/^ggml-/, '').replace(/\.bin$/, '');
  return catalogue.find((entry) => entry.name === wanted);
}
