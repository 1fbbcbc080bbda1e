"""The window's Korean for what the verifier says besides its verdict: its notes, the
first difference it found, and why a workbook could not be verified.

:func:`gdapp.gui.core_messages.templates` merges this table into its own.
"""

from __future__ import annotations

from gdapp.gui.i18n import tr


def verify_templates() -> dict[str, str]:
    """English template → the window's template (built per call: the language may change)."""
    return {
        " (and {n} more text cell(s))": tr(" (and {n} more text cell(s))"),
        "note: text is not judged, only numbers and formulas: {cell}{more}":
            tr("note: text is not judged, only numbers and formulas: {cell}{more}"),
        "{cell}: the workbook has {have}, gdapp writes {wanted} there":
            tr("{cell}: the workbook has {have}, gdapp writes {wanted} there"),
        "nothing": tr("nothing"),
        "{where}: the workbook has {shown}, gdapp writes {wanted}":
            tr("{where}: the workbook has {shown}, gdapp writes {wanted}"),
        "{sheet}!row {row}: the engine diverges at update {k}, but this row holds only ordinary "
        "values":
            tr("{sheet}!row {row}: the engine diverges at update {k}, but this row holds only "
               "ordinary values"),
        "an empty cell": tr("an empty cell"),
        "no formula ({value})": tr("no formula ({value})"),
        "{where}: {problem}": tr("{where}: {problem}"),
        "note: the gradient check's {n} column(s) of central differences (h = {h}, s = h·max(1, "
        "|bj|)) were compared with the engine's; both compute the same quotient, so its "
        "truncation error is common to both, and each may differ by the rounding of its two "
        "objectives (1e-12 of their largest term, over s); the analytic gradient and the central "
        "difference differ by at most {worst} of the gradient's size (k = {k}, {name})":
            tr("note: the gradient check's {n} column(s) of central differences (h = {h}, s = "
               "h·max(1, |bj|)) were compared with the engine's; both compute the same quotient, "
               "so its truncation error is common to both, and each may differ by the rounding "
               "of its two objectives (1e-12 of their largest term, over s); the analytic "
               "gradient and the central difference differ by at most {worst} of the gradient's "
               "size (k = {k}, {name})"),
        "cannot verify: ": tr("cannot verify: "),
        "{prefix}{where} must hold a number, it holds {value}":
            tr("{prefix}{where} must hold a number, it holds {value}"),
        "{prefix}its Settings sheet does not name a penalty (l1, l2) and a model (origin, line) "
        "in B2 and B3":
            tr("{prefix}its Settings sheet does not name a penalty (l1, l2) and a model (origin, "
               "line) in B2 and B3"),
        "{prefix}its Data sheet has no header of sample, features and target":
            tr("{prefix}its Data sheet has no header of sample, features and target"),
        "{prefix}its Data sheet holds no samples": tr("{prefix}its Data sheet holds no samples"),
        "{prefix}its Path sheet holds no λ rows": tr("{prefix}its Path sheet holds no λ rows"),
        "{prefix}{problem}": tr("{prefix}{problem}"),
        "{prefix}the workbook's settings do not make a path ({problem})":
            tr("{prefix}the workbook's settings do not make a path ({problem})"),
        "{prefix}its samples do not make a data set ({problem})":
            tr("{prefix}its samples do not make a data set ({problem})"),
        "LibreOffice was not started: a formula gdapp does not write is a difference already, and "
        "it could keep a spreadsheet program computing for as long as it likes":
            tr("LibreOffice was not started: a formula gdapp does not write is a difference "
               "already, and it could keep a spreadsheet program computing for as long as it "
               "likes"),
        "note: the Summary's ridge optimum is not trustworthy at this condition number (κ = "
        "{kappa}: the sheet's MINVERSE keeps about {digits} digits); its cells, b0 and the "
        "objective there were compared within what that rounding allows, not 1e-12":
            tr("note: the Summary's ridge optimum is not trustworthy at this condition number (κ "
               "= {kappa}: the sheet's MINVERSE keeps about {digits} digits); its cells, b0 and "
               "the objective there were compared within what that rounding allows, not 1e-12"),
        "note: the Summary's optimum ({stored}) was computed at export; with the workbook's "
        "settings and data now the engine's is ({now}); the live objective and gradient there "
        "were checked at the stored values":
            tr("note: the Summary's optimum ({stored}) was computed at export; with the "
               "workbook's settings and data now the engine's is ({now}); the live objective and "
               "gradient there were checked at the stored values"),
        "none": tr("none"),
        "workbook {workbook}, engine {engine}": tr("workbook {workbook}, engine {engine}"),
        "note: with these settings the run diverges at update {k}: the first {last} of {rows} "
        "iterate rows were compared, the {beyond} later rows were checked to show the divergence "
        "too, and the Summary and Data sheets (which describe the last row) were not compared":
            tr("note: with these settings the run diverges at update {k}: the first {last} of "
               "{rows} iterate rows were compared, the {beyond} later rows were checked to show "
               "the divergence too, and the Summary and Data sheets (which describe the last "
               "row) were not compared"),
        "note: the stopping rule fired at a different row in the workbook (Iterations used "
        "{workbook}) than in the engine ({engine}), because there the steps are within rounding "
        "of the tolerance ({tol}) and the iterates differ in their last digits{agree}":
            tr("note: the stopping rule fired at a different row in the workbook (Iterations "
               "used {workbook}) than in the engine ({engine}), because there the steps are "
               "within rounding of the tolerance ({tol}) and the iterates differ in their last "
               "digits{agree}"),
        "cannot verify {name}: ": tr("cannot verify {name}: "),
        "; the parameters agree within rounding (largest relative deviation {d})":
            tr("; the parameters agree within rounding (largest relative deviation {d})"),
        "from Iterations row {row}": tr("from Iterations row {row}"),
        "on the Data and Summary sheets": tr("on the Data and Summary sheets"),
        " ({cost} bounces around an exact fit)": tr(" ({cost} bounces around an exact fit)"),
        "note: {where} the run is sensitive to rounding{why}: {n} values there were compared "
        "within the spread of the engine's own re-runs (η moved by {ulps}, from there on {chaos}, "
        "units in the last place, and every sample by one) times {factor}, not 1e-12 (largest "
        "relative deviation {deviation}, at {cell}, within {tolerance}); every formula was still "
        "compared exactly":
            tr("note: {where} the run is sensitive to rounding{why}: {n} values there were "
               "compared within the spread of the engine's own re-runs (η moved by {ulps}, from "
               "there on {chaos}, units in the last place, and every sample by one) times "
               "{factor}, not 1e-12 (largest relative deviation {deviation}, at {cell}, within "
               "{tolerance}); every formula was still compared exactly"),
        "note: {n} formula(s) are spelled as an earlier gdapp wrote them (gdapp.excel.earlier "
        "says which and why they changed); they compute the same, and their values were compared "
        "as any other":
            tr("note: {n} formula(s) are spelled as an earlier gdapp wrote them "
               "(gdapp.excel.earlier says which and why they changed); they compute the same, "
               "and their values were compared as any other"),
        "note: {n} converged flag(s) (or the count of iterations used that follows them) differ "
        "from the engine's where the step is within rounding of the tolerance; either value was "
        "accepted there":
            tr("note: {n} converged flag(s) (or the count of iterations used that follows them) "
               "differ from the engine's where the step is within rounding of the tolerance; "
               "either value was accepted there"),
        "cannot verify: {problem}": tr("cannot verify: {problem}"),
        "{prefix}{path}: {reason}": tr("{prefix}{path}: {reason}"),
        "{prefix}the workbook's settings do not make a run ({problem})":
            tr("{prefix}the workbook's settings do not make a run ({problem})"),
        "{prefix}{name} is not a gdapp workbook (no Summary sheet)":
            tr("{prefix}{name} is not a gdapp workbook (no Summary sheet)"),
        "the workbook has no name {name} (gdapp defines it as {place})":
            tr("the workbook has no name {name} (gdapp defines it as {place})"),
        "note: Settings!B{row} ({name}) was {then} at export and is {now} now; the run was "
        "checked with the value it has now":
            tr("note: Settings!B{row} ({name}) was {then} at export and is {now} now; the run "
               "was checked with the value it has now"),
        "the name {name} stands for {have}, gdapp defines it as {place}":
            tr("the name {name} stands for {have}, gdapp defines it as {place}"),
        "the verification's copies": tr("the verification's copies"),
        "{cell}: the workbook has nothing, gdapp writes a sample there":
            tr("{cell}: the workbook has nothing, gdapp writes a sample there"),
        "the workbook defines a name {name} (= {text}) that gdapp does not write":
            tr("the workbook defines a name {name} (= {text}) that gdapp does not write"),
        "{where}: workbook {have}, gdapp computes {want}":
            tr("{where}: workbook {have}, gdapp computes {want}"),
        "{where}: workbook {have}, the engine's optimum at λ = {lam} is {want}":
            tr("{where}: workbook {have}, the engine's optimum at λ = {lam} is {want}"),
        "{where}: workbook {have}, the optimality check evaluated by gdapp is {want}":
            tr("{where}: workbook {have}, the optimality check evaluated by gdapp is {want}"),
    }
