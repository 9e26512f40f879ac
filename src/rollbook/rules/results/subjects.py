"""Every KS4 subject Rollbook knows, with the names MIS exports give it (docs/ks4-measures.md, "Subjects").

A subject carries what the measures need: its EBacc pillar (English language, English literature, maths,
science, humanities, languages or none), which science route it belongs to, and its discount group, our
stand-in for the DfE's discount codes (qualifications in one group count once). The same subject may be
taken as a GCSE or a technical award; the qualification says which (qualifications.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from rollbook.rules.results import names


class Pillar(StrEnum):
    """Where a subject can count in the EBacc measures and the Attainment 8 English, maths and EBacc slots."""

    ENGLISH_LANGUAGE = "English language"
    ENGLISH_LITERATURE = "English literature"
    MATHS = "maths"
    SCIENCE = "science"
    HUMANITIES = "humanities"
    LANGUAGES = "languages"
    NONE = "none"


#: The pillars that fill the Attainment 8 EBacc slots.
EBACC_SLOT_PILLARS = frozenset({Pillar.SCIENCE, Pillar.HUMANITIES, Pillar.LANGUAGES})


class Science(StrEnum):
    """The routes to the EBacc science pillar: combined science, three of the four single sciences, or (before
    the reformed GCSEs) core and additional science."""

    COMBINED = "combined"
    SINGLE = "single"
    CORE = "core"
    ADDITIONAL = "additional"


@dataclass(frozen=True)
class Subject:
    key: str
    name: str
    pillar: Pillar = Pillar.NONE
    science: Science | None = None
    aliases: tuple[str, ...] = ()
    #: Results in one discount group count once (discounting.py); by default the subject's own key.
    discount_group: str = ""

    @property
    def group(self) -> str:
        return self.discount_group or self.key


def _language(key: str, name: str, *aliases: str) -> Subject:
    return Subject(key, name, Pillar.LANGUAGES, aliases=aliases)


SUBJECTS = (
    Subject("english_language", "English language", Pillar.ENGLISH_LANGUAGE,
            aliases=("English Lang", "Eng Lang", "English Language (9-1)", "En Lang")),
    Subject("english_literature", "English literature", Pillar.ENGLISH_LITERATURE,
            aliases=("English Lit", "Eng Lit", "En Lit")),
    Subject("maths", "Mathematics", Pillar.MATHS,
            aliases=("Maths", "Math", "Mathematics (9-1)", "Mathematics Linear")),
    Subject("combined_science", "Combined science", Pillar.SCIENCE, Science.COMBINED,
            aliases=("Combined Science: Trilogy", "Combined Science Trilogy", "Trilogy",
                     "Combined Science: Synergy", "Combined Science Synergy", "Combined Science A",
                     "Combined Science B", "Combined Science (Double Award)", "Science Double Award",
                     "Double Science", "Combined Sci")),
    Subject("biology", "Biology", Pillar.SCIENCE, Science.SINGLE, aliases=("Biology (Triple)", "Bio")),
    Subject("chemistry", "Chemistry", Pillar.SCIENCE, Science.SINGLE, aliases=("Chemistry (Triple)", "Chem")),
    Subject("physics", "Physics", Pillar.SCIENCE, Science.SINGLE, aliases=("Physics (Triple)", "Phys")),
    Subject("computer_science", "Computer science", Pillar.SCIENCE, Science.SINGLE,
            aliases=("Computing", "Comp Sci", "Computer Sci")),
    Subject("core_science", "Core science", Pillar.SCIENCE, Science.CORE, aliases=("Core Sci", "Science A")),
    Subject("additional_science", "Additional science", Pillar.SCIENCE, Science.ADDITIONAL,
            aliases=("Additional Sci", "Science B")),
    Subject("history", "History", Pillar.HUMANITIES, aliases=("Hist",)),
    Subject("geography", "Geography", Pillar.HUMANITIES, aliases=("Geog",)),
    Subject("ancient_history", "Ancient history", Pillar.HUMANITIES),
    _language("french", "French", "French Language"),
    _language("german", "German", "German Language"),
    _language("spanish", "Spanish", "Spanish Language"),
    _language("italian", "Italian"),
    _language("latin", "Latin"),
    _language("classical_greek", "Classical Greek", "Ancient Greek", "Greek (Classical)"),
    _language("modern_greek", "Modern Greek"),
    _language("arabic", "Arabic"),
    _language("bengali", "Bengali"),
    _language("chinese", "Chinese (Mandarin)", "Chinese", "Mandarin", "Mandarin Chinese"),
    _language("gujarati", "Gujarati"),
    _language("biblical_hebrew", "Biblical Hebrew"),
    _language("modern_hebrew", "Modern Hebrew", "Hebrew"),
    _language("japanese", "Japanese"),
    _language("panjabi", "Panjabi", "Punjabi"),
    _language("persian", "Persian", "Farsi"),
    _language("polish", "Polish"),
    _language("portuguese", "Portuguese"),
    _language("russian", "Russian"),
    _language("turkish", "Turkish"),
    _language("urdu", "Urdu"),
    Subject("art_and_design", "Art and design",
            aliases=("Art", "Art & Design", "Art and Design (Art, Craft and Design)"),
            discount_group="art_and_design"),
    Subject("fine_art", "Art and design: fine art", aliases=("Fine Art", "Art: Fine Art"),
            discount_group="art_and_design"),
    Subject("photography", "Art and design: photography", aliases=("Photography", "Art: Photography"),
            discount_group="art_and_design"),
    Subject("textile_design", "Art and design: textile design", aliases=("Textiles", "Textile Design"),
            discount_group="art_and_design"),
    Subject("graphic_communication", "Art and design: graphic communication",
            aliases=("Graphics", "Graphic Communication", "Graphic Design"), discount_group="art_and_design"),
    Subject("three_dimensional_design", "Art and design: three-dimensional design",
            aliases=("3D Design", "Three-Dimensional Design"), discount_group="art_and_design"),
    Subject("astronomy", "Astronomy"),
    Subject("business", "Business", aliases=("Business Studies",), discount_group="business"),
    Subject("enterprise", "Enterprise", aliases=("Enterprise and Marketing",), discount_group="business"),
    Subject("citizenship", "Citizenship studies", aliases=("Citizenship",)),
    Subject("classical_civilisation", "Classical civilisation", aliases=("Classics",)),
    Subject("dance", "Dance"),
    Subject("design_and_technology", "Design and technology", aliases=("D&T", "DT", "Design Technology")),
    Subject("drama", "Drama", aliases=("Drama and Theatre",)),
    Subject("economics", "Economics"),
    Subject("electronics", "Electronics"),
    Subject("engineering", "Engineering", aliases=("Engineering Design",), discount_group="engineering"),
    Subject("film_studies", "Film studies", aliases=("Film",)),
    Subject("food_preparation", "Food preparation and nutrition",
            aliases=("Food Preparation & Nutrition", "Food", "Food Tech", "Food Technology")),
    Subject("geology", "Geology"),
    Subject("media_studies", "Media studies", aliases=("Media",), discount_group="media"),
    Subject("music", "Music"),
    Subject("physical_education", "Physical education", aliases=("PE", "Physical Education (PE)", "GCSE PE"),
            discount_group="sport"),
    Subject("psychology", "Psychology"),
    Subject("religious_studies", "Religious studies",
            aliases=("RS", "RE", "Religious Education", "Religion")),
    Subject("sociology", "Sociology"),
    Subject("statistics", "Statistics", aliases=("Stats",)),
    Subject("ict", "Information and communication technology",
            aliases=("ICT", "Information Technology", "IT", "Digital Information Technology"),
            discount_group="ict"),
    Subject("sport", "Sport", aliases=("Sport Studies", "Sports Studies", "Sport Science", "Sports Science"),
            discount_group="sport"),
    Subject("health_and_social_care", "Health and social care", aliases=("Health & Social Care", "HSC")),
    Subject("creative_media", "Creative media production",
            aliases=("Creative Media", "Creative iMedia", "iMedia"), discount_group="media"),
    Subject("performing_arts", "Performing arts",
            aliases=("Performing Arts (Acting)", "Performing Arts (Dance)")),
    Subject("child_development", "Child development", aliases=("Child Care",)),
    Subject("hospitality_and_catering", "Hospitality and catering", aliases=("Hospitality & Catering",)),
    Subject("music_technology", "Music technology", aliases=("Music Tech",)),
    Subject("travel_and_tourism", "Travel and tourism", aliases=("Travel & Tourism",)),
    Subject("engineering_technical", "Engineering manufacture",
            aliases=("Engineering Manufacture", "Engineering Studies"), discount_group="engineering"),
)  # fmt: skip

BY_KEY = {subject.key: subject for subject in SUBJECTS}
_KNOWN = names.index((s.key, (s.key, s.name, *s.aliases)) for s in SUBJECTS)
_SHOWN = {subject.key: subject.name for subject in SUBJECTS}
#: Words an export may put before a subject's name that say the qualification, not the subject.
_QUALIFICATION_WORDS = ("gcse 9 1 ", "gcse ", "btec ", "ocr ", "aqa ")


class UnknownSubject(LookupError):
    pass


def subject(name: str) -> Subject:
    """The subject an export's name means ("Maths", "English Lang", "Combined Science: Trilogy").

    Case, spacing and punctuation do not matter, nor a leading "GCSE". An unknown name raises
    UnknownSubject naming the nearest subjects."""
    normal = names.normalise(name)
    for candidate in (
        normal,
        *(normal.removeprefix(w) for w in _QUALIFICATION_WORDS if normal.startswith(w)),
    ):
        if candidate in _KNOWN:
            return BY_KEY[_KNOWN[candidate]]
    raise UnknownSubject(names.unknown_message("subject", name, names.nearest(name, _KNOWN, _SHOWN)))
