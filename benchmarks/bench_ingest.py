"""Timing of article ingestion: fact extraction, question generation and database writes.

Run with `.venv/bin/python benchmarks/bench_ingest.py` (or `make bench`). Uses a fresh SQLite
database in a temporary folder, built by the migrations; nothing outside it is touched.

Measured, with time.perf_counter:
  (a) extract_facts + generate_questions on the seed article, REPS times;
  (b) ingest_article of the seed article, commit included, REPS times (each copy gets a unique
      last line so it is not deduplicated);
  (c) ingest_article (with commit) of GENERATED_ARTICLES invented film-news articles of about
      TARGET_WORDS words each, once per article; and extract + generate alone on the same texts.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from flask_migrate import upgrade
from tqdm import tqdm

from quizapp import create_app
from quizapp.config import SEED_DIR
from quizapp.extensions import db
from quizapp.generation import NotAFilmArticle, extract_facts, generate_questions
from quizapp.ingest import ingest_article

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

GIVEN_NAMES_F = """Olivia Amara Clara Helena Nadia Rosalind Imogen Talia Vera Maren Lucia
    Juliet Freya Selena Miriam Noor Ingrid Paloma Delphine Harriet Simone Elena Greta Priya
    Beatrice Camille Leona Sabine Tessa Yasmin""".split()
GIVEN_NAMES_M = """Marcus Elias Tobias Rafael Julian Desmond Anton Felix Oscar Gideon Silas
    Theo Dominic Viktor Callum Mateo Lorenzo Anders Bruno Cyrus Hugo Jasper Leon Magnus Niall
    Omar Roland Stellan Wesley Ezra""".split()
SURNAME_HEADS = """Ash Bel Cal Dun Ell Fair Gal Hart Kes Lind Mor Nor Pell Quen Ros Stan Tal
    Ver Wex Yar Brack Cor Dal Fen Grey Hal Lam Mar Ost Rav""".split()
SURNAME_TAILS = """ford wood ley ton ridge mont ska vic ner by well stone ard ani elli worth
    combe hurst field lowe""".split()
HONORIFICS = ["Detective", "Captain", "Agent", "Doctor", "Professor", "Sergeant", "Queen", "King"]
TITLE_ADJECTIVES = """Silent Crimson Hollow Broken Electric Last Midnight Golden Frozen Burning
    Distant Quiet Restless Hidden Iron Paper Velvet Savage Lonely Endless""".split()
TITLE_NOUNS = """Harbor Orchard Signal Kingdom Tide Frontier Lantern Meridian Cipher Vale
    Reckoning Horizon Covenant Garden Tempest Archive Circuit Monarch Ember Labyrinth""".split()
PLACE_HEADS = """Port Lake Mount Saint Fort North Glen New""".split()
PLACE_NAMES = """Alder Velmora Kestrel Brightwater Corvina Halden Marisol Thornvale Ostrava
    Belcarra Duskmoor Ferrow Calloway Isolde Rennick Vasquera""".split()
STUDIO_HEADS = """Bright Lantern|Northgate|Silver Reel|Blue Harbor|Red Kite|Golden Mile|Iron
    Gate|Paper Moon|Tall Pine|Night Owl""".split("|")
STUDIO_TAILS = ["Pictures", "Studios", "Films", "Entertainment", "Productions"]
GENRES = ["thriller", "drama", "comedy", "horror film", "western", "musical", "action film"]
DELAY_CAUSES = [
    "the pandemic",
    "scheduling conflicts",
    "the writers' strike",
    "extensive reshoots",
    "a budget dispute",
    "the lead actor's injury",
]
DELAY_LENGTHS = ["roughly four months", "about six weeks", "a full year", "two months", "a few weeks"]
RATINGS = ["PG", "PG-13", "R"]


@dataclass
class Person:
    first: str
    last: str
    female: bool

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def pronoun(self) -> str:
        return "her" if self.female else "his"

    @property
    def subject(self) -> str:
        return "she" if self.female else "he"


@dataclass
class Story:
    """The invented facts one article talks about."""

    film: str
    earlier_films: list[str]
    other_film: str
    director: Person
    actors: list[Person]
    characters: list[str]
    newcomer: Person
    newcomer_role: str
    release: date
    old_release: date
    places: list[str]
    studio: str
    genre: str
    runtime: int
    rating: str
    delay_cause: str
    delay_length: str
    ordinal: str
    known_for: str
    used: set[str] = field(default_factory=set)


def fmt(day: date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


class ArticleGenerator:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def surname(self) -> str:
        return self.rng.choice(SURNAME_HEADS) + self.rng.choice(SURNAME_TAILS)

    def person(self, taken: set[str]) -> Person:
        while True:
            female = self.rng.random() < 0.5
            first = self.rng.choice(GIVEN_NAMES_F if female else GIVEN_NAMES_M)
            candidate = Person(first, self.surname(), female)
            if candidate.last not in taken and candidate.first not in taken:
                taken.update({candidate.first, candidate.last})
                return candidate

    def title(self) -> str:
        adjective, noun = self.rng.choice(TITLE_ADJECTIVES), self.rng.choice(TITLE_NOUNS)
        other = self.rng.choice(TITLE_NOUNS)
        shapes = [
            f"The {adjective} {noun}",
            f"{adjective} {noun}",
            f"The {noun} of {other}",
            f"{noun}: {adjective} {other}",
        ]
        return self.rng.choice(shapes)

    def character(self, taken: set[str]) -> str:
        person = self.person(taken)
        if self.rng.random() < 0.4:
            return f"{self.rng.choice(HONORIFICS)} {person.last}"
        return person.name

    def place(self) -> str:
        name = self.rng.choice(PLACE_NAMES)
        return f"{self.rng.choice(PLACE_HEADS)} {name}" if self.rng.random() < 0.4 else name

    def story(self) -> Story:
        taken: set[str] = set()
        rng = self.rng
        film = self.title()
        series = rng.random() < 0.5
        earlier = [self.title() for _ in range(2)] if series else []
        actors = [self.person(taken) for _ in range(rng.randint(4, 6))]
        release = date(2025, 1, 1) + timedelta(days=rng.randrange(3 * 365))
        return Story(
            film=film + (f" {rng.randint(2, 5)}" if series and rng.random() < 0.5 else ""),
            earlier_films=earlier,
            other_film=self.title(),
            director=self.person(taken),
            actors=actors,
            characters=[self.character(taken) for _ in actors],
            newcomer=self.person(taken),
            newcomer_role=self.character(taken),
            release=release,
            old_release=release - timedelta(days=rng.randrange(60, 300)),
            places=[self.place() for _ in range(rng.randint(1, 3))],
            studio=f"{rng.choice(STUDIO_HEADS)} {rng.choice(STUDIO_TAILS)}",
            genre=rng.choice(GENRES),
            runtime=rng.randint(88, 175),
            rating=rng.choice(RATINGS),
            delay_cause=rng.choice(DELAY_CAUSES),
            delay_length=rng.choice(DELAY_LENGTHS),
            ordinal=rng.choice(["second", "third", "fourth", "fifth"]),
            known_for=self.title(),
        )

    # Headlines and sentences stating facts ---------------------------------------------------

    def headline(self, s: Story) -> str:
        lead, role = s.actors[0], s.characters[0]
        options = [
            f"{s.newcomer.name} Joins the Cast of {s.film}",
            f"{s.film} Release Date Moved to {s.release:%B} {s.release.year}",
            f"{lead.name} Will Play {role} in {s.director.last}'s {s.film}",
            f"First Look at {s.film} Shows {lead.name} as {role}",
            f"{s.film} Wraps Filming in {s.places[0]}",
        ]
        return self.rng.choice(options)

    def fact_sentences(self, s: Story) -> list[Callable[[], str]]:
        """Templates for sentences that state something a quiz can ask about."""
        rng = self.rng
        a, c = s.actors, s.characters

        def cast_list() -> str:
            names = [p.name for p in a[1:]]
            listed = ", ".join(names[:-1]) + f", and {names[-1]}"
            return rng.choice(
                [
                    f"The film also stars {listed}.",
                    f"{listed} are all returning for the {s.genre}.",
                    f"The cast of {s.film} includes {listed}.",
                ]
            )

        def lead_role() -> str:
            return rng.choice(
                [
                    f"{a[0].name} will play {c[0]}, a role {a[0].subject} first took on years ago.",
                    f"{a[0].name} stars as {c[0]} in the {s.genre}.",
                    f"{c[0]} is played by {a[0].name}, who has been attached since the start.",
                ]
            )

        def second_role() -> str:
            return rng.choice(
                [
                    f"{a[1].name} is reprising {a[1].pronoun} role as {c[1]}.",
                    f"{a[1].name} portrays {c[1]}, the film's reluctant antagonist.",
                    f"{a[1].name} takes on the role of {c[1]}.",
                ]
            )

        def newcomer() -> str:
            return rng.choice(
                [
                    f"{s.newcomer.name} joined the cast of {s.film} in {fmt(s.old_release)}, "
                    f"taking on the role of {s.newcomer_role}.",
                    f"Newcomer {s.newcomer.name}, best known for {s.newcomer.pronoun} role as "
                    f"{s.newcomer_role} in {s.known_for}, has boarded the project.",
                    f"{s.newcomer.name} has signed on to play {s.newcomer_role}.",
                ]
            )

        def director() -> str:
            return rng.choice(
                [
                    f"{s.film} is directed by {s.director.name} from a screenplay by "
                    f"{a[-1].last}'s longtime collaborator.",
                    f"Director {s.director.name} has kept most plot details under wraps.",
                    f"{s.director.name} will direct the film for {s.studio}.",
                    f"{s.director.name} is set to direct, marking {s.director.pronoun} "
                    f"first feature since {s.known_for}.",
                ]
            )

        def release() -> str:
            return rng.choice(
                [
                    f"{s.film} is set to release on {fmt(s.release)}.",
                    f"The film will hit theaters on {fmt(s.release)}.",
                    f"{s.studio} will release {s.film} in theaters on {fmt(s.release)}.",
                ]
            )

        def moved() -> str:
            return rng.choice(
                [
                    f"The studio moved the film from {fmt(s.old_release)} to {fmt(s.release)}.",
                    f"{s.film} was originally scheduled to open on {fmt(s.old_release)}.",
                ]
            )

        def delay() -> str:
            return rng.choice(
                [
                    f"Production was delayed due to {s.delay_cause}, pushing the schedule back "
                    f"{s.delay_length}.",
                    f"The shoot was postponed because of {s.delay_cause} and the release was "
                    f"moved back {s.delay_length}.",
                ]
            )

        def filming() -> str:
            places = " and ".join(s.places[:2])
            return rng.choice(
                [
                    f"Filming took place in {places} over the summer.",
                    f"The crew spent eleven weeks shooting in {places}.",
                    f"Principal photography is under way on location in {places}.",
                ]
            )

        def series() -> str:
            if not s.earlier_films:
                return f"{s.film} is the {s.ordinal} film from {s.director.name}."
            earlier = " and ".join(s.earlier_films)
            return rng.choice(
                [
                    f"After the success of the previous installments, {earlier}, expectations "
                    f"for the {s.ordinal} installment are high.",
                    f"{s.film} is the sequel to {s.earlier_films[-1]}.",
                ]
            )

        def extras() -> str:
            return rng.choice(
                [
                    f"The film runs {s.runtime} minutes and is rated {s.rating}.",
                    f"{s.film} comes from {s.studio}.",
                    f"{a[2].name} ({s.known_for}) rounds out the ensemble.",
                ]
            )

        return [cast_list, lead_role, second_role, newcomer, director, release, moved, delay,
                filming, series, extras]

    # Filler prose ----------------------------------------------------------------------------

    def filler_paragraph(self, s: Story) -> str:
        rng = self.rng
        lead, director = rng.choice(s.actors), s.director
        openers = [
            "For now,",
            "Still,",
            "Either way,",
            "In the meantime,",
            "By most accounts,",
            "Beyond that,",
            "",
        ]
        sentences = [
            f"fans have been speculating about what the story will look like for months",
            f"the production has been unusually quiet on social media, which only adds to the "
            f"anticipation",
            f"early reactions from test screenings were said to be warm, though nothing has "
            f"been confirmed officially",
            f"{lead.last} has spoken in interviews about how demanding the shoot was, describing "
            f"long nights and a lot of rehearsal",
            f"{director.last} is known for a patient, character-driven style, and there is "
            f"little reason to expect a change here",
            f"the marketing campaign is expected to ramp up in the months before release",
            f"the tone is said to be darker than audiences might expect from the premise",
            f"the studio appears to be betting heavily on word of mouth",
            f"much of the budget reportedly went into practical effects rather than digital work",
            f"{lead.last} and {director.last} reportedly spent weeks working through the script "
            f"together before cameras rolled",
            f"the soundtrack is being kept secret, although a few musicians have hinted at "
            f"their involvement",
            f"it remains to be seen whether the gamble will pay off at the box office",
            f"there is a growing sense that this could be one of the more talked-about films of "
            f"the year",
            f"the crew has described the atmosphere on set as focused but relaxed",
            f"critics who have seen footage praised the cinematography and the pacing",
            f"the story reportedly picks up some time after the events that audiences last saw",
            f"nobody involved has been willing to say much about the ending",
            f"the {s.genre} could end up being a welcome change of pace for {lead.last}",
        ]
        chosen = rng.sample(sentences, rng.randint(3, 5))
        out = []
        for text in chosen:
            opener = rng.choice(openers)
            text = f"{opener} {text}" if opener else text[0].upper() + text[1:]
            out.append(text + ".")
        return " ".join(out)

    def article(self) -> str:
        s = self.story()
        rng = self.rng
        templates = self.fact_sentences(s)
        rng.shuffle(templates)
        paragraphs = [self.headline(s)]
        words = len(paragraphs[0].split())
        while words < TARGET_WORDS:
            if templates and rng.random() < 0.7:
                count = min(len(templates), rng.randint(2, 3))
                facts = [templates.pop()() for _ in range(count)]
                body = " ".join(facts) + " " + self.filler_paragraph(s)
            else:
                body = self.filler_paragraph(s)
            paragraphs.append(body)
            words += len(body.split())
        return "\n\n".join(paragraphs) + "\n"


# ---------------------------------------------------------------------------------------------
# Timing helpers and the benchmark itself.
# ---------------------------------------------------------------------------------------------


def ms(seconds: float) -> str:
    return f"{seconds * 1000:9.1f}"


def p90(values: list[float]) -> float:
    return statistics.quantiles(values, n=10, method="inclusive")[8]


def extract_and_generate(text: str) -> tuple[int, int]:
    facts = extract_facts(text)
    drafts = generate_questions(facts, seed=QUESTION_SEED, limit=QUESTIONS_PER_QUIZ)
    return len(facts), len(drafts)


def main() -> int:
    seed_text = SEED_ARTICLE.read_text(encoding="utf-8")

    with tempfile.TemporaryDirectory(prefix="quizapp-bench-") as tmp:
        db_path = Path(tmp) / "bench.sqlite"
        app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{db_path}"})
        with app.app_context():
            upgrade()

            start = time.perf_counter()
            extract_facts(seed_text)
            warm_up = time.perf_counter() - start

            seed_counts = extract_and_generate(seed_text)
            seed_pipeline = []
            for _ in range(REPS):
                start = time.perf_counter()
                extract_and_generate(seed_text)
                seed_pipeline.append(time.perf_counter() - start)

            seed_ingest = []
            for rep in range(REPS):
                text = f"{seed_text.rstrip()}\n\nBenchmark copy {rep}."
                start = time.perf_counter()
                ingest_article(db.session, text, seed=QUESTION_SEED,
                               questions_per_quiz=QUESTIONS_PER_QUIZ)
                db.session.commit()
                seed_ingest.append(time.perf_counter() - start)

            generator = ArticleGenerator(GENERATOR_SEED)
            articles = [generator.article() for _ in range(GENERATED_ARTICLES)]
            word_counts = [len(text.split()) for text in articles]

            generated_pipeline: list[float] = []
            fact_counts: list[int] = []
            question_counts: list[int] = []
            rejected = 0
            for text in articles:
                start = time.perf_counter()
                try:
                    n_facts, n_questions = extract_and_generate(text)
                except NotAFilmArticle:
                    rejected += 1
                    continue
                generated_pipeline.append(time.perf_counter() - start)
                fact_counts.append(n_facts)
                question_counts.append(n_questions)

            generated_ingest: list[float] = []
            total_start = time.perf_counter()
            for text in tqdm(articles, desc="ingesting generated articles", unit="article",
                             file=sys.stderr):
                start = time.perf_counter()
                try:
                    ingest_article(db.session, text, seed=QUESTION_SEED,
                                   questions_per_quiz=QUESTIONS_PER_QUIZ)
                    db.session.commit()
                except NotAFilmArticle:
                    db.session.rollback()
                    continue
                generated_ingest.append(time.perf_counter() - start)
            generated_total = time.perf_counter() - total_start

            db.session.remove()
            db.engine.dispose()

    print(f"Seed article: {SEED_ARTICLE.name} ({len(seed_text.split())} words, "
          f"{seed_counts[0]} facts, {seed_counts[1]} questions)")
    print(f"Generated articles: {len(articles)} (random.Random({GENERATOR_SEED})), "
          f"median {statistics.median(word_counts):.0f} words, "
          f"{min(word_counts)}-{max(word_counts)}; rejected as not film articles: {rejected}")
    print(f"One-time warm-up (first extract_facts, loads the name dictionary): "
          f"{warm_up * 1000:.1f} ms")
    print()
    print(f"{'measurement':<48} {'median ms':>9} {'p90 ms':>9}")
    print(f"{'-' * 48} {'-' * 9} {'-' * 9}")
    rows = [
        (f"seed: extract + generate ({REPS} reps)", seed_pipeline),
        (f"seed: ingest_article + commit ({REPS} reps)", seed_ingest),
        (f"generated: extract + generate ({len(generated_pipeline)})", generated_pipeline),
        (f"generated: ingest_article + commit ({len(generated_ingest)})", generated_ingest),
    ]
    for label, values in rows:
        print(f"{label:<48} {ms(statistics.median(values))} {ms(p90(values))}")
    print()
    print(f"Generated articles, total ingest time: {generated_total:.2f} s "
          f"({len(generated_ingest)} articles, commits and progress bar included)")
    print(f"Per generated article (median): {statistics.median(fact_counts):.0f} facts, "
          f"{statistics.median(question_counts):.0f} questions")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
