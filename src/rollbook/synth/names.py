"""Word lists for synthetic school and pupil names. Every name is made up from common words and names."""

from __future__ import annotations

import numpy as np

SCHOOL_PLACES = (
    "Ashford", "Beech", "Brook", "Castle", "Cedar", "Chestnut", "Clifton", "Copper", "Elm", "Fairfield",
    "Forest", "Glen", "Hartley", "Hazel", "Heath", "Highfield", "Holly", "Kingsley", "Lark", "Linden",
    "Maple", "Meadow", "Millbrook", "Moor", "Northgate", "Oak", "Orchard", "Pinewood", "Queensway", "Ridge",
    "Riverside", "Rowan", "St Aidan's", "St Hilda's", "St Mark's", "Stonebridge", "Thornton", "Valley",
    "Westfield", "Willow", "Windmill", "Woodside",
)  # fmt: skip
SCHOOL_FEATURES = (
    "Park", "Hill", "Vale", "Green", "Lane", "Fields", "Grange", "Heights", "Court", "Lea", "Bank", "Cross",
)  # fmt: skip
SCHOOL_KINDS = ("Academy", "School", "High School", "Community School", "College", "Secondary School")

#: Name pools, picked by a pupil's ethnicity (see pupils.ETHNICITIES).
FORENAMES = {
    "english": {
        "F": ("Olivia", "Amelia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Grace", "Freya", "Emily", "Ella",
              "Poppy", "Sophie", "Evie", "Chloe", "Jessica", "Ruby", "Holly", "Megan", "Lucy", "Erin"),
        "M": ("Oliver", "George", "Noah", "Arthur", "Harry", "Leo", "Jack", "Charlie", "Oscar", "Jacob",
              "Thomas", "James", "William", "Alfie", "Joshua", "Freddie", "Henry", "Archie", "Ethan", "Max"),
    },
    "south_asian": {
        "F": ("Aisha", "Zara", "Maryam", "Fatima", "Ayesha", "Priya", "Anaya", "Simran", "Hafsa", "Inaya"),
        "M": ("Mohammed", "Ibrahim", "Yusuf", "Ayaan", "Arjun", "Zain", "Hamza", "Rohan", "Bilal", "Omar"),
    },
    "african": {
        "F": ("Amara", "Zainab", "Blessing", "Esther", "Adaeze", "Hodan", "Chloe", "Grace", "Ife", "Nia"),
        "M": ("David", "Samuel", "Daniel", "Emmanuel", "Tobi", "Abdi", "Kwame", "Joshua", "Chidi", "Elijah"),
    },
    "east_european": {
        "F": ("Julia", "Zuzanna", "Maja", "Alexandra", "Natalia", "Oliwia", "Ioana", "Daria", "Lena", "Ana"),
        "M": ("Jakub", "Szymon", "Filip", "Mateusz", "Andrei", "Luca", "Antoni", "Kacper", "David", "Adam"),
    },
    "east_asian": {
        "F": ("Mei", "Lin", "Yan", "Hui", "Xin", "Amy", "Grace", "Jia", "Ling", "Wen"),
        "M": ("Wei", "Jun", "Hao", "Chen", "Kai", "Ming", "Leo", "Yi", "Bo", "Jason"),
    },
}  # fmt: skip
SURNAMES = {
    "english": ("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson",
                "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood",
                "Jackson",
                "Clarke", "Hughes", "Edwards", "Turner", "Hill", "Moore", "Cooper", "Ward", "Morris", "King",
                "Baker", "Harrison", "Carter", "Phillips", "Mitchell", "Patel", "Shaw", "Lee", "Young"),
    "south_asian": ("Khan", "Ahmed", "Ali", "Hussain", "Patel", "Begum", "Shah", "Iqbal", "Singh", "Rahman",
                    "Islam", "Mahmood", "Akhtar", "Kaur", "Sharma", "Chowdhury", "Mistry", "Uddin"),
    "african": ("Okafor", "Mensah", "Adeyemi", "Mohamed", "Osei", "Abdi", "Ibrahim", "Okoro", "Asante",
                "Bello", "Nwosu", "Hassan", "Boateng", "Eze"),
    "east_european": ("Nowak", "Kowalski", "Wiśniewski", "Popescu", "Kaminski", "Lewandowski", "Zielinski",
                      "Ionescu", "Horvat", "Novak", "Mazur", "Krawczyk"),
    "east_asian": ("Wang", "Li", "Zhang", "Chen", "Liu", "Huang", "Wong", "Chan", "Lam", "Nguyen", "Tran"),
}  # fmt: skip


def school_names(rng: np.random.Generator, count: int) -> list[str]:
    """`count` school names such as "Ashford Park Academy" (real names repeat; so may these)."""
    parts = [np.asarray(words)[rng.integers(len(words), size=count)] for words in
             (SCHOOL_PLACES, SCHOOL_FEATURES, SCHOOL_KINDS)]  # fmt: skip
    return [" ".join(words) for words in zip(*parts, strict=True)]


def pupil_names(
    rng: np.random.Generator, pools: np.ndarray, sexes: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Forenames and surnames for pupils, each drawn from the name pool given for that pupil."""
    forenames = np.empty(len(pools), dtype=object)
    surnames = np.empty(len(pools), dtype=object)
    for pool, surname_pool in SURNAMES.items():
        in_pool = pools == pool
        surnames[in_pool] = np.asarray(surname_pool)[rng.integers(len(surname_pool), size=in_pool.sum())]
        for sex, given in FORENAMES[pool].items():
            chosen = in_pool & (sexes == sex)
            forenames[chosen] = np.asarray(given)[rng.integers(len(given), size=chosen.sum())]
    return forenames, surnames
