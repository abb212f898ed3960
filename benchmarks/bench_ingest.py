"""Timing of article ingestion: fact extraction, question generation and database writes.

Run with `.venv/bin/python benchmarks/bench_ingest.py` (or `make bench`). It uses a fresh SQLite
database in a temporary folder, built by the migrations, and touches nothing else.

Measured with time.perf_counter, after one warm-up extract_facts call (reported separately: it
loads the given-name dictionary):
  (a) extract_facts + generate_questions on the seed article, REPS times;
  (b) ingest_article of the seed article, commit included, REPS times; every copy gets a unique
      last line so that it is not deduplicated;
  (c) GENERATED_ARTICLES invented film-news articles of about TARGET_WORDS words each (built by
      a deterministic generator seeded with GENERATOR_SEED): extract + generate alone, then
      ingest_article + commit of each article once.

A call that raises is not timed; it is counted and reported under its exception and the line it
came from, and the script then exits with status 1.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from flask_migrate import upgrade
from tqdm import tqdm

# Runnable as a plain script without the project being installed into the virtualenv.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quizapp import create_app
from quizapp.config import SEED_DIR
from quizapp.extensions import db
from quizapp.generation import extract_facts, generate_questions
from quizapp.ingest.articles import ingest_article
from quizapp.models import Article

SEED_ARTICLE = SEED_DIR / "000_0e79015472ef0789.txt"
REPS = 30
GENERATED_ARTICLES = 200
TARGET_WORDS = 800
GENERATOR_SEED = 42
QUESTION_SEED = 0
QUESTIONS_PER_QUIZ = 30


# ---------------------------------------------------------------------------------------------
# A deterministic generator of invented film-news articles.
# ---------------------------------------------------------------------------------------------


def words(text: str) -> list[str]:
    return text.split()


GIVEN_NAMES_F = words(
    """Olivia Amara Clara Helena Nadia Rosalind Imogen Talia Vera Maren Lucia
    Juliet Freya Selena Miriam Noor Ingrid Paloma Delphine Harriet Simone Elena Greta Priya
    Beatrice Camille Leona Sabine Tessa Yasmin"""
)
GIVEN_NAMES_M = words(
    """Marcus Elias Tobias Rafael Julian Desmond Anton Felix Oscar Gideon Silas
    Theo Dominic Viktor Callum Mateo Lorenzo Anders Bruno Cyrus Hugo Jasper Leon Magnus Niall
    Omar Roland Stellan Wesley Ezra"""
)
SURNAME_HEADS = words(
    """Ash Bel Cal Dun Ell Fair Gal Hart Kes Lind Mor Nor Pell Quen Ros Stan Tal
    Ver Wex Yar Brack Cor Dal Fen Grey Hal Lam Mar Ost Rav"""
)
SURNAME_TAILS = words(
    """ford wood ley ton ridge mont ska vic ner by well stone ard ani elli worth
    combe hurst field lowe"""
)
HONORIFICS = ["Detective", "Captain", "Agent", "Doctor", "Professor", "Sergeant", "Queen", "King"]
TITLE_ADJECTIVES = words(
    """Silent Crimson Hollow Broken Electric Last Midnight Golden Frozen Burning
    Distant Quiet Restless Hidden Iron Paper Velvet Savage Lonely Endless"""
)
TITLE_NOUNS = words(
    """Harbor Orchard Signal Kingdom Tide Frontier Lantern Meridian Cipher Vale
    Reckoning Horizon Covenant Garden Tempest Archive Circuit Monarch Ember Labyrinth"""
)
PLACE_HEADS = ["Port", "Lake", "Mount", "Saint", "Fort", "North", "Glen"]
PLACE_NAMES = words(
    """Alder Velmora Kestrel Brightwater Corvina Halden Marisol Thornvale Ostrava
    Belcarra Duskmoor Ferrow Calloway Isolde Rennick Vasquera"""
)
STUDIO_HEADS = [
    "Bright Lantern",
    "Northgate",
    "Silver Reel",
    "Blue Harbor",
    "Red Kite",
    "Golden Mile",
    "Iron Gate",
    "Paper Moon",
    "Tall Pine",
    "Night Owl",
]
STUDIO_TAILS = ["Pictures", "Studios", "Films", "Entertainment", "Productions"]
GENRES = ["thriller", "drama", "comedy", "horror film", "western", "musical", "action film"]
DELAY_CAUSES = [
    "the pandemic",
    "scheduling conflicts",
    "the writers' strike",
    "extensive reshoots",
    "a budget dispute",
    "an injury on set",
]
DELAY_LENGTHS = [
    "roughly four months",
    "about six weeks",
    "a full year",
    "two months",
    "a few weeks",
]
RATINGS = ["PG", "PG-13", "R"]
ORDINALS = {2: "second", 3: "third", 4: "fourth", 5: "fifth"}
OPENERS = [
    "For now,",
    "Still,",
    "Either way,",
    "In the meantime,",
    "By most accounts,",
    "Beyond that,",
    "Of course,",
    "Meanwhile,",
    "Understandably,",
    "At this point,",
]


@dataclass
class Person:
    first: str
    last: str
    female: bool

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def his(self) -> str:
        return "her" if self.female else "his"

    @property
    def he(self) -> str:
        return "she" if self.female else "he"


@dataclass
class Story:
    """The invented facts behind one article."""

    film: str
    earlier_films: list[str]
    other_film: str
    director: Person
    writer: Person
    producer: Person
    actors: list[Person]
    characters: list[str]
    newcomer: Person
    newcomer_role: str
    release: date
    old_release: date
    filming_start: date
    places: list[str]
    studio: str
    genre: str
    runtime: int
    rating: str
    delay_cause: str
    delay_length: str
    ordinal: str


def spoken_date(day: date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def month_year(day: date) -> str:
    return f"{day:%B} {day.year}"


def joined_list(items: list[str]) -> str:
    if len(items) < 3:
        return " and ".join(items)
    return ", ".join(items[:-1]) + f", and {items[-1]}"


class ArticleGenerator:
    """Film news of about TARGET_WORDS words: fact sentences mixed into plausible filler."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def person(self, taken: set[str]) -> Person:
        while True:
            female = self.rng.random() < 0.5
            first = self.rng.choice(GIVEN_NAMES_F if female else GIVEN_NAMES_M)
            last = self.rng.choice(SURNAME_HEADS) + self.rng.choice(SURNAME_TAILS)
            if first not in taken and last not in taken:
                taken.update({first, last})
                return Person(first, last, female)

    def title(self) -> str:
        adjective, noun = self.rng.choice(TITLE_ADJECTIVES), self.rng.choice(TITLE_NOUNS)
        other = self.rng.choice([n for n in TITLE_NOUNS if n != noun])
        shapes = [
            f"The {adjective} {noun}",
            f"{adjective} {noun}",
            f"The {noun} of {other}",
            f"{noun}: {adjective} {other}",
        ]
        return self.rng.choice(shapes)

    def character(self, taken: set[str]) -> str:
        person = self.person(taken)
        if self.rng.random() < 0.35:
            return f"{self.rng.choice(HONORIFICS)} {person.last}"
        return person.name

    def place(self) -> str:
        name = self.rng.choice(PLACE_NAMES)
        return f"{self.rng.choice(PLACE_HEADS)} {name}" if self.rng.random() < 0.4 else name

    def places(self, count: int) -> list[str]:
        chosen: list[str] = []
        while len(chosen) < count:
            place = self.place()
            if all(place.split()[-1] != other.split()[-1] for other in chosen):
                chosen.append(place)
        return chosen

    def story(self) -> Story:
        rng = self.rng
        taken: set[str] = set()
        titles: list[str] = []
        while len(titles) < 4:
            candidate = self.title()
            if all(candidate.split()[-1] not in t for t in titles):
                titles.append(candidate)
        film, earlier, number = titles[0], [], rng.randint(2, 5)
        if rng.random() < 0.25:  # a numbered sequel: Title 3 follows Title and Title 2
            film = f"{titles[0]} {number}"
            earlier = [titles[0], *(f"{titles[0]} {i}" for i in range(2, number))][-2:]
        elif rng.random() < 0.35:  # a series whose installments have unrelated titles
            earlier = titles[1:3]
        actors = [self.person(taken) for _ in range(rng.randint(4, 6))]
        release = date(2025, 1, 1) + timedelta(days=rng.randrange(3 * 365))
        old_release = release - timedelta(days=rng.randrange(60, 300))
        return Story(
            film=film,
            earlier_films=earlier,
            other_film=titles[3],
            director=self.person(taken),
            writer=self.person(taken),
            producer=self.person(taken),
            actors=actors,
            characters=[self.character(taken) for _ in actors],
            newcomer=self.person(taken),
            newcomer_role=self.character(taken),
            release=release,
            old_release=old_release,
            filming_start=old_release - timedelta(days=rng.randrange(200, 500)),
            places=self.places(3),
            studio=f"{rng.choice(STUDIO_HEADS)} {rng.choice(STUDIO_TAILS)}",
            genre=rng.choice(GENRES),
            runtime=rng.randint(88, 175),
            rating=rng.choice(RATINGS),
            delay_cause=rng.choice(DELAY_CAUSES),
            delay_length=rng.choice(DELAY_LENGTHS),
            ordinal=ORDINALS[number],
        )

    def headline(self, s: Story) -> str:
        lead, role = s.actors[0], s.characters[0]
        return self.rng.choice(
            [
                f"{s.newcomer.name} Joins the Cast of {s.film}",
                f"{s.film} Release Date Moved to {month_year(s.release)}",
                f"{lead.name} Will Play {role} in {s.director.last}'s {s.film}",
                f"First Look at {s.film} Shows {lead.name} as {role}",
                f"{s.film} Wraps Filming in {s.places[0]}",
                f"{s.director.name} to Direct {s.film} for {s.studio}",
                f"{s.film} Delayed Again as Production Stalls",
            ]
        )

    def lede(self, s: Story) -> str:
        """The first sentence: names the film and what kind of news this is."""
        return self.rng.choice(
            [
                f"{s.studio} has shared new details about its upcoming {s.genre} {s.film}.",
                f"The upcoming film {s.film} has added another name to its cast.",
                f"Work continues on {s.film}, the {s.genre} from director {s.director.name}.",
                f"Fans waiting for the {s.genre} {s.film} have fresh news to chew on.",
                f"There is finally an update on the movie {s.film}, and it is a big one.",
            ]
        )

    def fact_sentences(self, s: Story) -> dict[str, list[str]]:
        """Sentences stating something a quiz can ask about, by topic, in varied wordings."""
        a, c, d, n = s.actors, s.characters, s.director, s.newcomer
        others = [p.name for p in a[1:]]
        earlier = joined_list(s.earlier_films)
        places = joined_list(s.places[: self.rng.randint(1, 3)])
        return {
            "cast": [
                f"The film also stars {joined_list(others)}.",
                f"{joined_list(others)} are all returning for the {s.genre}.",
                f"The cast of {s.film} includes {joined_list(others)}.",
                f"{s.film} co-stars {joined_list(others[:2])}, with {others[-1]} in a "
                "supporting part.",
                f"Joining {a[0].last} on screen are {joined_list(others[1:])}.",
            ],
            "lead": [
                f"{a[0].name} will play {c[0]}, a role {a[0].he} first took on years ago.",
                f"{a[0].name} stars as {c[0]} in the {s.genre}.",
                f"{c[0]} is played by {a[0].name}, who has been attached since the start.",
                f"In {s.film}, {a[0].name} returns as {c[0]}.",
            ],
            "roles": [
                f"{a[1].name} is reprising {a[1].his} role as {c[1]}.",
                f"{a[1].name} portrays {c[1]}, the film's reluctant antagonist.",
                f"{a[2].name} takes on the role of {c[2]}.",
                f"{c[3]} ({a[3].name}) is the only character to appear in every act.",
                f"{a[2].name} plays {c[2]}, a retired engineer with a secret.",
            ],
            "newcomer": [
                f"{n.name} joined the cast of {s.film} in {month_year(s.old_release)}, "
                f"taking on the role of {s.newcomer_role}.",
                f"Newcomer {n.name}, best known for {n.his} role as {s.newcomer_role} in "
                f"{s.other_film}, has boarded the project.",
                f"{n.name} has signed on to play {s.newcomer_role}.",
                f"{n.name} has been cast as {s.newcomer_role} in {s.film}.",
            ],
            "director": [
                f"{s.film} is directed by {d.name} from a screenplay by {s.writer.name}.",
                f"Director {d.name} has kept most plot details under wraps.",
                f"{s.studio} hired {d.name} to direct the film in {s.filming_start.year}.",
                f"{d.name} will direct, marking {d.his} first feature since {s.other_film}.",
                f"The {d.last}-directed {s.genre} is produced by {s.producer.name}.",
            ],
            "release": [
                f"{s.film} is set to release on {spoken_date(s.release)}.",
                f"The film will hit theaters on {spoken_date(s.release)}.",
                f"{s.studio} will release {s.film} in theaters on {spoken_date(s.release)}.",
                f"{s.film} opens on {spoken_date(s.release)}.",
            ],
            "moved": [
                f"The studio moved the film from {spoken_date(s.old_release)} to "
                f"{spoken_date(s.release)}.",
                f"{s.film} was originally scheduled to open on {spoken_date(s.old_release)}.",
            ],
            "delay": [
                f"Production was delayed due to {s.delay_cause}, pushing the schedule back "
                f"{s.delay_length}.",
                f"The shoot was postponed because of {s.delay_cause}, and the release was "
                f"moved back {s.delay_length}.",
            ],
            "filming": [
                f"Filming took place in {places} over the summer.",
                f"The crew spent eleven weeks shooting in {places}.",
                f"Principal photography began in {month_year(s.filming_start)} on location "
                f"in {places}.",
                f"{s.film} wrapped filming in {s.places[0]} after a long night shoot.",
            ],
            "series": (
                [
                    f"After the success of the previous installments, {earlier}, expectations "
                    f"for the {s.ordinal} installment are high.",
                    f"{s.film} is the sequel to {s.earlier_films[-1]}.",
                    f"The {s.ordinal} film in the series picks up where "
                    f"{s.earlier_films[-1]} left off.",
                ]
                if s.earlier_films
                else [f"{s.film} is an original story, not a sequel or a remake."]
            ),
            "extras": [
                f"The film runs {s.runtime} minutes and is rated {s.rating}.",
                f"{s.film} comes from {s.studio}.",
                f"{a[-1].name} ({s.other_film}) rounds out the ensemble.",
                f"The first trailer for {s.film} arrived this week.",
            ],
        }

    def filler_sentences(self, s: Story) -> list[str]:
        """Plausible film-news prose that states nothing a quiz should ask about."""
        lead, d, p = self.rng.choice(s.actors), s.director, s.producer
        return [
            "fans have been speculating about what the story will look like for months",
            "the production has been unusually quiet on social media, which only adds to the "
            "anticipation",
            "early reactions from test screenings were said to be warm, though nothing has been "
            "confirmed officially",
            f"{lead.last} has spoken in interviews about how demanding the shoot was, describing "
            "long nights and a lot of rehearsal",
            f"{d.last} is known for a patient, character-driven style, and there is little "
            "reason to expect a change here",
            "the marketing campaign is expected to ramp up in the months before release",
            "the tone is said to be darker than audiences might expect from the premise",
            "the studio appears to be betting heavily on word of mouth",
            "much of the budget reportedly went into practical effects rather than digital work",
            f"{lead.last} and {d.last} spent weeks working through the script together before "
            "cameras rolled",
            "the soundtrack is being kept secret, although a few musicians have hinted at their "
            "involvement",
            "it remains to be seen whether the gamble will pay off at the box office",
            "there is a growing sense that this could be one of the more talked-about films of "
            "the year",
            "the crew has described the atmosphere on set as focused but relaxed",
            "critics who have seen footage praised the cinematography and the pacing",
            "the story reportedly picks up some time after the events audiences last saw",
            "nobody involved has been willing to say much about the ending",
            f"the {s.genre} could end up being a welcome change of pace for {lead.last}",
            f"{p.last} has produced several of the studio's quieter successes over the past decade",
            "the release calendar is crowded, and several competing titles are circling the "
            "same weekend",
            "the production design leans on real locations wherever possible",
            "a handful of set photos leaked online last spring, though most were quickly taken "
            "down",
            "the script went through several drafts before the studio was satisfied",
            "the costume department reportedly built more than two hundred pieces from scratch",
            f"{lead.last} trained for months to do as many of the stunts as possible",
            "audiences have shown a real appetite for this kind of story lately",
            "it is still unclear whether a streaming release will follow the theatrical run",
            "the editing process is said to have taken longer than planned",
            f"{d.last} has described the project as the most personal work of {d.his} career",
            "the supporting cast is full of familiar faces from television",
            "there has been talk of an extended cut, but nothing is official",
            "industry observers expect a strong opening if the reviews are kind",
            "the premise is simple, but the execution is reportedly anything but",
            "the score was recorded with a full orchestra over three days",
            "several scenes were rewritten on set to give the actors more room to improvise",
            "the visual effects team is said to be working around the clock",
        ]

    def article(self) -> str:
        rng = self.rng
        s = self.story()
        topics = self.fact_sentences(s)
        for options in topics.values():
            rng.shuffle(options)
        fillers = self.filler_sentences(s)
        rng.shuffle(fillers)

        def filler() -> str:
            if not fillers:
                fillers.extend(self.filler_sentences(s))
                rng.shuffle(fillers)
            text = fillers.pop()
            if rng.random() < 0.35:
                return f"{rng.choice(OPENERS)} {text}."
            return f"{text[0].upper()}{text[1:]}."

        paragraphs = [self.headline(s)]
        words = 0
        while words < TARGET_WORDS:
            sentences = []
            for _ in range(rng.randint(1, 3)):
                live = [name for name, options in topics.items() if options]
                if live:
                    sentences.append(topics[rng.choice(live)].pop())
            sentences += [filler() for _ in range(rng.randint(2, 4))]
            rng.shuffle(sentences)
            if len(paragraphs) == 1:
                sentences.insert(0, self.lede(s))
            paragraphs.append(" ".join(sentences))
            words += len(paragraphs[-1].split())
        return "\n\n".join(paragraphs) + "\n"


# ---------------------------------------------------------------------------------------------
# Timing.
# ---------------------------------------------------------------------------------------------


@dataclass
class Timing:
    """Durations of the calls that succeeded, and the failures of those that raised."""

    label: str
    seconds: list[float] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)

    def run(self, func: Callable[[], Any]) -> tuple[bool, Any]:
        start = time.perf_counter()
        try:
            result = func()
        except Exception as error:
            self.fail(error)
            return False, None
        self.seconds.append(time.perf_counter() - start)
        return True, result

    def fail(self, error: Exception) -> None:
        frame = traceback.extract_tb(error.__traceback__)[-1]
        where = f"{Path(frame.filename).name}:{frame.lineno}"
        self.errors[f"{type(error).__name__}: {error} ({where})"] += 1

    def row(self) -> str:
        if self.seconds:
            median = f"{statistics.median(self.seconds) * 1000:9.1f}"
            p90 = f"{p90_of(self.seconds) * 1000:9.1f}"
        else:
            median = p90 = f"{'-':>9}"
        failed = sum(self.errors.values())
        return f"{self.label:<44} {len(self.seconds):>5} {median} {p90} {failed:>6}"


def p90_of(values: list[float]) -> float:
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=10, method="inclusive")[8]


def generate(facts: list[Any]) -> list[Any]:
    return generate_questions(facts, seed=QUESTION_SEED, limit=QUESTIONS_PER_QUIZ)


def ingest(text: str) -> None:
    ingest_article(db.session, text, seed=QUESTION_SEED, questions_per_quiz=QUESTIONS_PER_QUIZ)
    db.session.commit()


def time_pipeline(
    text: str, extract_timing: Timing, pipeline_timing: Timing
) -> tuple[int | None, int | None]:
    """extract_facts alone, and extract + generate; the numbers of facts and questions."""
    start = time.perf_counter()
    try:
        facts = extract_facts(text)
    except Exception as error:
        extract_timing.fail(error)
        pipeline_timing.fail(error)
        return None, None
    extract_timing.seconds.append(time.perf_counter() - start)
    try:
        drafts = generate(facts)
    except Exception as error:
        pipeline_timing.fail(error)
        return len(facts), None
    pipeline_timing.seconds.append(time.perf_counter() - start)
    return len(facts), len(drafts)


def time_ingest(text: str, timing: Timing) -> None:
    ok, _ = timing.run(lambda: ingest(text))
    if not ok:
        db.session.rollback()


def median_or_dash(values: list[int]) -> str:
    return f"{statistics.median(values):.0f}" if values else "-"


def main() -> int:
    seed_text = SEED_ARTICLE.read_text(encoding="utf-8")
    generator = ArticleGenerator(GENERATOR_SEED)
    articles = [generator.article() for _ in range(GENERATED_ARTICLES)]
    word_counts = [len(text.split()) for text in articles]

    seed_extract = Timing(f"seed: extract_facts alone ({REPS} reps)")
    seed_pipeline = Timing(f"seed: extract + generate ({REPS} reps)")
    seed_ingest = Timing(f"seed: ingest_article + commit ({REPS} reps)")
    gen_extract = Timing(f"generated: extract_facts alone ({GENERATED_ARTICLES})")
    gen_pipeline = Timing(f"generated: extract + generate ({GENERATED_ARTICLES})")
    gen_ingest = Timing(f"generated: ingest_article + commit ({GENERATED_ARTICLES})")
    fact_counts: list[int] = []
    question_counts: list[int] = []

    with tempfile.TemporaryDirectory(prefix="quizapp-bench-") as tmp:
        app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{Path(tmp) / 'bench.sqlite'}"})
        with app.app_context():
            upgrade()

            start = time.perf_counter()
            extract_facts(seed_text)
            warm_up = time.perf_counter() - start

            for _ in range(REPS):
                seed_facts, seed_questions = time_pipeline(seed_text, seed_extract, seed_pipeline)
            for rep in range(REPS):
                time_ingest(f"{seed_text.rstrip()}\n\nBenchmark copy {rep}.", seed_ingest)

            for text in tqdm(articles, desc="extract + generate", unit="article", file=sys.stderr):
                n_facts, n_questions = time_pipeline(text, gen_extract, gen_pipeline)
                if n_facts is not None:
                    fact_counts.append(n_facts)
                if n_questions is not None:
                    question_counts.append(n_questions)

            progress = tqdm(articles, desc="ingest + commit", unit="article", file=sys.stderr)
            total_start = time.perf_counter()
            for text in progress:
                time_ingest(text, gen_ingest)
            gen_total = time.perf_counter() - total_start
            stored = db.session.scalar(sa.select(sa.func.count()).select_from(Article))

            db.session.remove()
            db.engine.dispose()

    timings = [seed_extract, seed_pipeline, seed_ingest, gen_extract, gen_pipeline, gen_ingest]
    print(
        f"Seed article {SEED_ARTICLE.name}: {len(seed_text.split())} words, "
        f"{seed_facts if seed_facts is not None else '-'} facts, "
        f"{seed_questions if seed_questions is not None else '-'} questions"
    )
    print(
        f"Generated articles: {len(articles)} from random.Random({GENERATOR_SEED}), "
        f"{statistics.median(word_counts):.0f} words median ({min(word_counts)}-"
        f"{max(word_counts)})"
    )
    print(
        "One-time warm-up (first extract_facts call, loads the name dictionary): "
        f"{warm_up * 1000:.1f} ms"
    )
    print()
    print(f"{'measurement':<44} {'ok':>5} {'median ms':>9} {'p90 ms':>9} {'failed':>6}")
    print(f"{'-' * 44} {'-' * 5} {'-' * 9} {'-' * 9} {'-' * 6}")
    for timing in timings:
        print(timing.row())
    print()
    print(
        f"Generated articles, ingest total: {gen_total:.2f} s wall-clock for "
        f"{len(articles)} articles ({sum(gen_ingest.seconds):.2f} s in successful calls)"
    )
    print(
        f"Articles stored in the database: {stored} "
        f"(expected {len(seed_ingest.seconds) + len(gen_ingest.seconds)}, one per ingest)"
    )
    print(
        f"Per generated article (median): {median_or_dash(fact_counts)} facts, "
        f"{median_or_dash(question_counts)} questions (limit {QUESTIONS_PER_QUIZ})"
    )

    failures = [(t.label, e, n) for t in timings for e, n in t.errors.most_common()]
    if failures:
        print()
        print("Failures (calls that raised; not timed):")
        for label, error, count in failures:
            print(f"  {label}: {count}x {error}")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
