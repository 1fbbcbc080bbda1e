"""The window's Korean for the core's sentences about data and run settings: a number that
is not one, a row or a column refused, a sample out of range, a setting out of range, and
the verifier's refusals (LibreOffice missing, a verification cancelled).

:func:`gdapp.gui.core_messages.templates` merges this table into its own; the arguments
(a row's number, a file's name, a value) are filled in unchanged.
"""

from __future__ import annotations

from gdapp.gui.i18n import tr


def data_templates() -> dict[str, str]:
    """English template → the window's template, for data and settings errors."""
    return {
        "'{text}' is ambiguous (decimal or thousands comma?): write {point} or {plain}":
            tr("'{text}' is ambiguous (decimal or thousands comma?): write {point} or "
               "{plain}"),
        "'{text}' is not a number": tr("'{text}' is not a number"),
        "'{text}' is not a finite number": tr("'{text}' is not a finite number"),
        "'{text}' is too small: it rounds to 0": tr("'{text}' is too small: it rounds to 0"),
        "x and y are the same column; choose two different columns":
            tr("x and y are the same column; choose two different columns"),
        "column {col} is both a feature and the target y; choose the target among the other "
        "columns":
            tr("column {col} is both a feature and the target y; choose the target among "
               "the other columns"),
        "column {col} is chosen twice as a feature":
            tr("column {col} is chosen twice as a feature"),
        "line {line}, column {col} ({role})": tr("line {line}, column {col} ({role})"),
        "row {line}, column {col} ({role})": tr("row {line}, column {col} ({role})"),
        "{where} {line}, column {col} ({role})": tr("{where} {line}, column {col} ({role})"),
        "{at} holds {value}, not a number": tr("{at} holds {value}, not a number"),
        "{at}: {value} is not a finite number": tr("{at}: {value} is not a finite number"),
        "{at} is empty": tr("{at} is empty"),
        "line {line} repeats the header row; remove it (only the first row may be a header)":
            tr("line {line} repeats the header row; remove it (only the first row may be a "
               "header)"),
        "row {line} repeats the header row; remove it (only the first row may be a header)":
            tr("row {line} repeats the header row; remove it (only the first row may be a "
               "header)"),
        "{where} {line} repeats the header row; remove it (only the first row may be a "
        "header)":
            tr("{where} {line} repeats the header row; remove it (only the first row may be "
               "a header)"),
        "{at}: {problem}; {hint}": tr("{at}: {problem}; {hint}"),
        "{at}: {problem}": tr("{at}: {problem}"),
        "{path}: permission denied": tr("{path}: permission denied"),
        "{path}: cannot read ({reason})": tr("{path}: cannot read ({reason})"),
        'line {line}: a quote (") is opened and never closed':
            tr('line {line}: a quote (") is opened and never closed'),
        "there are no features: at least one x column is needed":
            tr("there are no features: at least one x column is needed"),
        "there are no samples: at least one (x, y) pair is needed":
            tr("there are no samples: at least one (x, y) pair is needed"),
        "x has {n} values but y has {m}; they must pair up":
            tr("x has {n} values but y has {m}; they must pair up"),
        "the features have {n} values but y has {m}; they must pair up":
            tr("the features have {n} values but y has {m}; they must pair up"),
        "feature {name}": tr("feature {name}"),
        "{label} in sample {i} is {value}: every value must be a finite number":
            tr("{label} in sample {i} is {value}: every value must be a finite number"),
        "{label} in sample {i} is {value}: values beyond ±{limit} are too large (their "
        "squares would overflow)":
            tr("{label} in sample {i} is {value}: values beyond ±{limit} are too large "
               "(their squares would overflow)"),
        "{value} is too small: the squares of values below {limit} underflow; rescale the "
        "data":
            tr("{value} is too small: the squares of values below {limit} underflow; "
               "rescale the data"),
        "learning rate η": tr("learning rate η"),
        "tolerance": tr("tolerance"),
        "momentum μ": tr("momentum μ"),
        "dampening τ": tr("dampening τ"),
        "learning rate η must be > 0, got {v}": tr("learning rate η must be > 0, got {v}"),
        "λ must be ≥ 0, got {v}": tr("λ must be ≥ 0, got {v}"),
        "tolerance must be > 0, got {v}": tr("tolerance must be > 0, got {v}"),
        "max iterations must be a whole number, got {v}":
            tr("max iterations must be a whole number, got {v}"),
        "max iterations must be at least 1, got {v}":
            tr("max iterations must be at least 1, got {v}"),
        "{label} must be in [{lo}, {hi}{end}, got {v}":
            tr("{label} must be in [{lo}, {hi}{end}, got {v}"),
        "ε must be > 0, got {v}": tr("ε must be > 0, got {v}"),
        "γ must be > 0, got {v}": tr("γ must be > 0, got {v}"),
        "the seed must be a whole number ≥ 0, got {v}":
            tr("the seed must be a whole number ≥ 0, got {v}"),
        "{label} must be a number, got {v}": tr("{label} must be a number, got {v}"),
        "{label} must be a finite number, got {v}": tr("{label} must be a finite number, got {v}"),
        'line {line}':
            tr('line {line}'),
        'row {line}':
            tr('row {line}'),
        '{where} {line}':
            tr('{where} {line}'),
        'feature {i}':
            tr('feature {i}'),
        'the {role} column {name} is ambiguous: it matches columns {cols} '
        'and {last}; choose one by its position':
            tr('the {role} column {name} is ambiguous: it matches columns {cols} '
               'and {last}; choose one by its position'),
        '{role} column position must be 1 or more, got {choice}':
            tr('{role} column position must be 1 or more, got {choice}'),
        'none: the file has no header':
            tr('none: the file has no header'),
        'no column named {name} for {role}; columns: {known}':
            tr('no column named {name} for {role}; columns: {known}'),
        'the file has {width} column(s); {role} asks for column {col}':
            tr('the file has {width} column(s); {role} asks for column {col}'),
        " — decimal commas in a comma-separated file are ambiguous: use ';' "
        'or tabs between columns, or decimal points':
            tr(" — decimal commas in a comma-separated file are ambiguous: use ';' "
               'or tabs between columns, or decimal points'),
        '{at} has {width} fields but the header has {expected}{hint}':
            tr('{at} has {width} fields but the header has {expected}{hint}'),
        '{at} has {width} fields but the first row has {expected}{hint}':
            tr('{at} has {width} fields but the first row has {expected}{hint}'),
        "{at} looks like a comment (it starts with '#'): remove it; only "
        'one header line may come before the numbers':
            tr("{at} looks like a comment (it starts with '#'): remove it; only "
               'one header line may come before the numbers'),
        '{at} holds one field ({field}) but {next} holds {n}: remove title '
        'lines above the header and the numbers':
            tr('{at} holds one field ({field}) but {next} holds {n}: remove title '
               'lines above the header and the numbers'),
        'line {start}: a quote (") opened here closes only on line {end}; a '
        'value cannot run across lines':
            tr('line {start}: a quote (") opened here closes only on line {end}; a '
               'value cannot run across lines'),
        '{path} {problem}':
            tr('{path} {problem}'),
        'looks like {codec} text but cannot be read as it; save it as UTF-8 '
        'CSV':
            tr('looks like {codec} text but cannot be read as it; save it as UTF-8 '
               'CSV'),
        'is not a text (CSV) file':
            tr('is not a text (CSV) file'),
        'cannot be read as text: it is not UTF-8, UTF-16, CP949 (Korean) or '
        'Windows-1252; save it from the spreadsheet program as "CSV UTF-8" '
        'and import it again':
            tr('cannot be read as text: it is not UTF-8, UTF-16, CP949 (Korean) or '
               'Windows-1252; save it from the spreadsheet program as "CSV UTF-8" '
               'and import it again'),
        '{path} is not a regular file (it is a device, a pipe or a socket), '
        'so it is not read':
            tr('{path} is not a regular file (it is a device, a pipe or a socket), '
               'so it is not read'),
        '{path} is {size} MiB; the limit is {limit} MiB':
            tr('{path} is {size} MiB; the limit is {limit} MiB'),
        'line {line}: a value is longer than {limit} characters; no number '
        'or column name is that long':
            tr('line {line}: a value is longer than {limit} characters; no number '
               'or column name is that long'),
        'max iterations {v} is beyond what a workbook holds: at most {most} '
        "updates ({rows} rows, Excel's limit)":
            tr('max iterations {v} is beyond what a workbook holds: at most {most} '
               "updates ({rows} rows, Excel's limit)"),
        'the {model} model needs targets 0 or 1 (two classes); {y} in '
        'sample {i} is {v}':
            tr('the {model} model needs targets 0 or 1 (two classes); {y} in '
               'sample {i} is {v}'),
        "the held-out samples must have the training samples' features":
            tr("the held-out samples must have the training samples' features"),
        'Nesterov momentum needs momentum μ > 0 and dampening τ = 0':
            tr('Nesterov momentum needs momentum μ > 0 and dampening τ = 0'),
        'power_t must be ≥ 0, got {v}':
            tr('power_t must be ≥ 0, got {v}'),
        'power_t must be at most {most}, got {v}':
            tr('power_t must be at most {most}, got {v}'),
        'the step size s must be a whole number ≥ 1, got {v}':
            tr('the step size s must be a whole number ≥ 1, got {v}'),
        'the batch size B must be a whole number from 1 to the {n} samples, '
        'got {v}':
            tr('the batch size B must be a whole number from 1 to the {n} samples, '
               'got {v}'),
        # the verifier's refusals (its verdict lines are gdapp.gui.files.verdict_lines)
        "install it with `apt-get install libreoffice-calc-nogui` (Debian/Ubuntu) or from "
        "libreoffice.org, or set GDAPP_SOFFICE to the soffice program":
            tr("install it with `apt-get install libreoffice-calc-nogui` (Debian/Ubuntu) or "
               "from libreoffice.org, or set GDAPP_SOFFICE to the soffice program"),
        "cannot verify: {variable} is set to {value}, which is not an executable soffice "
        "program; {hint}":
            tr("cannot verify: {variable} is set to {value}, which is not an executable "
               "soffice program; {hint}"),
        "cannot verify: LibreOffice (soffice) is not installed; {hint}":
            tr("cannot verify: LibreOffice (soffice) is not installed; {hint}"),
        "cannot verify: LibreOffice could not be started ({reason}); {hint}":
            tr("cannot verify: LibreOffice could not be started ({reason}); {hint}"),
        "cannot verify: the verification was cancelled":
            tr("cannot verify: the verification was cancelled"),
        "cannot verify: the recalculation was cancelled":
            tr("cannot verify: the recalculation was cancelled"),
        'cannot verify: LibreOffice crashed ({signal}){said}':
            tr('cannot verify: LibreOffice crashed ({signal}){said}'),
        'cannot verify: LibreOffice failed with exit code {code}{said}':
            tr('cannot verify: LibreOffice failed with exit code {code}{said}'),
        'cannot verify: the folder {place} is full ({free} MiB free), so '
        'LibreOffice could not write its recalculated copy; free some space '
        'there, or set TMPDIR to a folder with room':
            tr('cannot verify: the folder {place} is full ({free} MiB free), so '
               'LibreOffice could not write its recalculated copy; free some space '
               'there, or set TMPDIR to a folder with room'),
        'cannot verify: LibreOffice did not finish within {seconds} s (it '
        'was stopped; try a longer time limit)':
            tr('cannot verify: LibreOffice did not finish within {seconds} s (it '
               'was stopped; try a longer time limit)'),
    }
