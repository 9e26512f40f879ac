"""A national set of synthetic schools, generated in worker processes and written as CTF and CSV files."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

import numpy as np

from rollbook.synth.csv_writer import write_pupils, write_results, write_schools_csv
from rollbook.synth.ctf_writer import write_ctf
from rollbook.synth.results import draw_results
from rollbook.synth.school_year import SchoolYear, generate_school
from rollbook.synth.schools import SchoolInfo, draw_schools

#: Schools per task handed to a worker: big enough to keep process overhead small, small enough that the
#: progress bar moves.
CHUNK_SIZE = 10


def seeds_for(seed: int, schools: int) -> tuple[np.random.SeedSequence, list[np.random.SeedSequence]]:
    """The seed for drawing the schools, and one seed per school, so output never depends on the workers."""
    school_seed, *pupil_seeds = np.random.SeedSequence(seed).spawn(schools + 1)
    return school_seed, pupil_seeds


def generate_schools(
    schools: int, seed: int, academic_year: int, as_of: dt.date | None = None
) -> list[SchoolYear]:
    """Every school's year in memory (for tests and calibration; `write_schools` writes as it goes)."""
    school_seed, pupil_seeds = seeds_for(seed, schools)
    infos = draw_schools(np.random.default_rng(school_seed), schools)
    return [
        generate_school(s, info, academic_year, as_of) for s, info in zip(pupil_seeds, infos, strict=True)
    ]


def write_schools(
    out: Path,
    schools: int,
    seed: int,
    academic_year: int,
    as_of: dt.date | None = None,
    progress: Callable[[int], None] | None = None,
    workers: int = 2,
    results: bool = True,
    registers: bool = True,
) -> list[SchoolInfo]:
    """Generate `schools` schools and write `out/schools.csv` and `out/<URN>/` (CTF and pupils.csv) for each,
    and with `results` (as by default) also `prior.csv` (KS2 for every pupil who has it) and `results.csv`
    (Year 11's GCSEs), which the importer reads beside the rest. Without `registers` no CTF is written: an
    earlier year's pupils and results alone, as a school loads its past results.

    `progress(k)` is called with the number of schools finished so far, each time a batch finishes. The
    files are the same for a seed whatever `workers` is; `workers` <= 1 runs in this process.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    school_seed, pupil_seeds = seeds_for(seed, schools)
    infos = draw_schools(np.random.default_rng(school_seed), schools)
    chunks = [
        (pupil_seeds[i : i + CHUNK_SIZE], infos[i : i + CHUNK_SIZE]) for i in range(0, schools, CHUNK_SIZE)
    ]
    written: dict[int, SchoolInfo] = {}
    done = 0

    def finished(batch: list[SchoolInfo]) -> None:
        nonlocal done
        written.update((info.urn, info) for info in batch)
        done += len(batch)
        if progress:
            progress(done)

    if workers <= 1:
        for seeds, batch in chunks:
            finished(_write_chunk(out, seeds, batch, academic_year, as_of, results, registers))
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = [
                pool.submit(_write_chunk, out, seeds, batch, academic_year, as_of, results, registers)
                for seeds, batch in chunks
            ]
            for future in as_completed(futures):
                finished(future.result())
    result = [written[info.urn] for info in infos]
    write_schools_csv(result, out)
    return result


def _write_chunk(
    out: Path,
    seeds: Sequence[np.random.SeedSequence],
    infos: Sequence[SchoolInfo],
    academic_year: int,
    as_of: dt.date | None,
    results: bool,
    registers: bool = True,
) -> list[SchoolInfo]:
    written = []
    for seed, info in zip(seeds, infos, strict=True):
        school_year = generate_school(seed, info, academic_year, as_of)
        folder = out / str(info.urn)
        folder.mkdir(exist_ok=True)
        if registers:
            write_ctf(school_year, folder)
        write_pupils(school_year, folder)
        if results:
            write_results(draw_results(seed, school_year), folder)
        written.append(school_year.school)
    return written
