"""The engine: data, models, costs, penalties, gradient descent and exact optima (numpy only).

Public API::

    from gdapp.core import RunSpec, run, document_example
    r = run(RunSpec(learning_rate=0.01))
    r.params[1, 0]   # 14.39
"""

from gdapp.core.builtin import EXAMPLES, features_example, passfail_example
from gdapp.core.costs import COST_RULES, COST_SETTINGS, CostRule, cost_rule
from gdapp.core.data import (
    DOCUMENT,
    MAX_FEATURES,
    DataError,
    Dataset,
    document_example,
    encoding_note,
    load_csv,
    parse_number,
    parse_sample,
    rows_to_dataset,
)
from gdapp.core.engine import Run, rerun_for_rows, run
from gdapp.core.examples import NOTE_RUNS
from gdapp.core.loops import DIVERGENCE_LIMIT, RunCancelled
from gdapp.core.models import MODEL_RULES, ModelRule, model_rule
from gdapp.core.objective import ZERO_BAND, Objective, band_sign
from gdapp.core.optimum import Optimum, exact_optimum, stability_is_bound, stability_limit
from gdapp.core.path import RegularizationPath, auto_lambdas, regularization_path
from gdapp.core.spec import (
    COSTS,
    L1_METHODS,
    MAX_EXPORTABLE_ROWS,
    MAX_ITERATIONS,
    MODEL_CHOICES,
    MODELS,
    PENALTIES,
    RunSpec,
    default_start,
    make_spec,
    model_param_names,
    spec_fields,
)

__all__ = [
    "COSTS",
    "COST_RULES",
    "COST_SETTINGS",
    "DIVERGENCE_LIMIT",
    "DOCUMENT",
    "EXAMPLES",
    "L1_METHODS",
    "MAX_EXPORTABLE_ROWS",
    "MAX_FEATURES",
    "MAX_ITERATIONS",
    "MODELS",
    "MODEL_CHOICES",
    "MODEL_RULES",
    "NOTE_RUNS",
    "PENALTIES",
    "ZERO_BAND",
    "CostRule",
    "DataError",
    "Dataset",
    "ModelRule",
    "Objective",
    "Optimum",
    "RegularizationPath",
    "Run",
    "RunCancelled",
    "RunSpec",
    "auto_lambdas",
    "band_sign",
    "cost_rule",
    "default_start",
    "document_example",
    "encoding_note",
    "exact_optimum",
    "features_example",
    "load_csv",
    "make_spec",
    "model_param_names",
    "model_rule",
    "parse_number",
    "parse_sample",
    "passfail_example",
    "regularization_path",
    "rerun_for_rows",
    "rows_to_dataset",
    "run",
    "spec_fields",
    "stability_is_bound",
    "stability_limit",
]
