"""The lecture note's runs, as named specs (the reference workbooks in ``workbooks/``)."""

from __future__ import annotations

from gdapp.core.data import DOCUMENT
from gdapp.core.spec import RunSpec

#: file stem → spec; all on the document example from b1 = 15.
NOTE_RUNS: dict[str, RunSpec] = {
    "eta-0.01": RunSpec(data=DOCUMENT, learning_rate=0.01),
    "eta-0.1": RunSpec(data=DOCUMENT, learning_rate=0.1),
    "l2-lambda-0.5": RunSpec(data=DOCUMENT, learning_rate=0.01, penalty="l2", lam=0.5),
    "l2-lambda-1": RunSpec(data=DOCUMENT, learning_rate=0.01, penalty="l2", lam=1.0),
    "l1-lambda-1": RunSpec(data=DOCUMENT, learning_rate=0.01, penalty="l1", lam=1.0),
    # η = 0.4 sits on the stability limit: it oscillates 15, −9.4, 15, … for ever.
    "eta-0.4-oscillates": RunSpec(data=DOCUMENT, learning_rate=0.4, max_iterations=200),
    # η = 0.41 is past it: the distance to 2.8 grows ×1.05 per update until it diverges.
    "eta-0.41-diverges": RunSpec(data=DOCUMENT, learning_rate=0.41),
}
