"""The mix of real state-funded secondary schools, as compact parameters baked from the January 2019 census.

How these were fitted (once, from the DfE's 2019 performance-tables census file; the package never reads it):

* Schools: `england_census.csv` rows with SCHOOLTYPE "State-funded secondary", 300 to 5,000 on roll, all five
  figures present (3,239 schools). LA 835 (Dorset) is counted as 838 and 836/837 (Poole, Bournemouth) as 839,
  the codes of the authorities that replaced them in 2019.
* `SCHOOLS_BY_LA`: the number of those schools in each local authority, so synthetic schools land where real
  ones are (and so regions come out in proportion).
* `QUANTILES`: each figure's 1st, 5th, 10th, ..., 95th and 99th percentile across schools (a piecewise-linear
  inverse CDF; FSM6 is FSMEVER %, SEN support PSENELK %, EHC plan PSENELSE %, EAL PNUMEAL %).
* The joint spread is a Gaussian copula: every figure turned into a normal score by its rank, then
  `REGION_SHIFT` is each region's mean score (London's schools are larger, with more FSM6 and far more EAL)
  and `RESIDUAL_COVARIANCE` the covariance of the scores within regions. Size comes first: its score places
  a school between the smallest and largest year-group sizes Rollbook generates.
"""

from __future__ import annotations

import numpy as np

#: Order of the figures in the copula.
FIGURES = ("size", "fsm6", "eal", "sen_support", "ehc_plan")

#: Cumulative probabilities at which QUANTILES are given.
PROBABILITIES = np.array([0.01, *np.round(np.arange(0.05, 0.96, 0.05), 2), 0.99])

#: Percent of pupils, by figure, at each of PROBABILITIES (size is placed by its score, not a quantile).
QUANTILES = {
    "fsm6": [4.3, 8.1, 10.9, 13.1, 14.9, 16.5, 18.1, 19.7, 21.8, 23.8, 25.8,
             27.8, 30.3, 32.7, 35.2, 38.2, 41.6, 45.9, 50.4, 57.2, 66.6],
    "eal": [0.5, 1.0, 1.5, 2.0, 2.6, 3.1, 3.7, 4.5, 5.4, 6.6, 7.8,
            9.2, 11.5, 13.9, 17.5, 21.9, 28.6, 35.6, 46.7, 62.6, 80.7],
    "sen_support": [1.1, 3.4, 4.9, 5.9, 6.8, 7.5, 8.2, 8.8, 9.5, 10.1, 10.7,
                    11.4, 12.0, 12.7, 13.6, 14.4, 15.4, 16.6, 18.3, 21.2, 27.4],
    "ehc_plan": [0.0, 0.2, 0.5, 0.6, 0.7, 0.9, 1.0, 1.1, 1.2, 1.3, 1.5,
                 1.6, 1.7, 1.9, 2.0, 2.3, 2.5, 2.8, 3.3, 4.0, 6.2],
}  # fmt: skip

REGION_SHIFT = {
    "East Midlands": [0.01, -0.11, -0.26, -0.09, -0.28],
    "East of England": [0.02, -0.33, -0.12, -0.10, 0.14],
    "London": [0.22, 0.50, 1.11, -0.10, 0.24],
    "North East": [-0.28, 0.37, -0.87, 0.13, -0.10],
    "North West": [-0.09, 0.16, -0.20, -0.03, -0.08],
    "South East": [0.12, -0.49, -0.01, -0.04, 0.00],
    "South West": [-0.11, -0.33, -0.49, 0.17, 0.13],
    "West Midlands": [-0.22, 0.19, 0.06, 0.14, -0.21],
    "Yorkshire and the Humber": [0.12, 0.18, -0.13, 0.04, 0.03],
}

RESIDUAL_COVARIANCE = np.array(
    [
        [0.98, -0.24, 0.06, -0.27, -0.13],
        [-0.24, 0.88, 0.26, 0.46, 0.22],
        [0.06, 0.26, 0.74, 0.05, -0.11],
        [-0.27, 0.46, 0.05, 0.99, 0.26],
        [-0.13, 0.22, -0.11, 0.26, 0.96],
    ]
)

SCHOOLS_BY_LA = {
    202: 10, 203: 17, 204: 16, 205: 13, 206: 11, 207: 6, 208: 19, 209: 14, 210: 19, 211: 20, 212: 11,
    213: 13, 301: 13, 302: 26, 303: 16, 304: 15, 305: 19, 306: 25, 307: 16, 308: 21, 309: 14, 310: 13,
    311: 18, 312: 22, 313: 20, 314: 11, 315: 9, 316: 23, 317: 19, 318: 11, 319: 15, 320: 18, 330: 87,
    331: 22, 332: 19, 333: 19, 334: 16, 335: 19, 336: 20, 340: 6, 341: 33, 342: 9, 343: 18, 344: 21,
    350: 19, 351: 13, 352: 32, 353: 14, 354: 13, 355: 15, 356: 14, 357: 16, 358: 19, 359: 20, 370: 10,
    371: 20, 372: 17, 373: 32, 380: 33, 381: 14, 382: 28, 383: 44, 384: 20, 390: 11, 391: 16, 392: 16,
    393: 9, 394: 18, 800: 15, 801: 22, 802: 11, 803: 17, 805: 5, 806: 7, 807: 11, 808: 14, 810: 13,
    811: 18, 812: 10, 813: 14, 815: 43, 816: 9, 821: 13, 822: 15, 823: 28, 825: 37, 826: 13, 830: 46,
    831: 16, 838: 33, 839: 20, 840: 33, 841: 8, 845: 28, 846: 10, 850: 71, 851: 11, 852: 13, 855: 49,
    856: 19, 857: 4, 860: 71, 861: 16, 865: 31, 866: 13, 867: 7, 868: 14, 869: 10, 870: 10, 871: 15,
    872: 10, 873: 33, 874: 14, 876: 8, 877: 14, 878: 43, 879: 19, 880: 8, 881: 78, 882: 12, 883: 11,
    884: 16, 885: 45, 886: 99, 887: 18, 888: 84, 889: 12, 890: 8, 891: 45, 892: 17, 893: 20, 894: 13,
    895: 23, 896: 22, 908: 32, 909: 39, 916: 40, 919: 83, 921: 8, 925: 54, 926: 55, 928: 42, 929: 33,
    931: 40, 933: 38, 935: 47, 936: 60, 937: 37, 938: 39,
}  # fmt: skip


def percent_at(figure: str, probability: np.ndarray) -> np.ndarray:
    """The figure's percent of pupils at cumulative probability `probability` (interpolated, clamped)."""
    return np.interp(probability, PROBABILITIES, QUANTILES[figure])
