"""The window's Korean for the workbook layer's refusals: a workbook that cannot be
written (Export), read (Open workbook, a data sheet imported) or that is refused
before it is verified (a damaged, foreign or active package).

:func:`gdapp.gui.core_messages.templates` merges this table into its own.
"""

from __future__ import annotations

from gdapp.gui.i18n import tr


def workbook_templates() -> dict[str, str]:
    """English template → the window's template (built per call: the language may change)."""
    return {
        "{name} has no worksheet": tr("{name} has no worksheet"),
        "{name} has no sheet named {sheet}; sheets: {known}":
            tr("{name} has no sheet named {sheet}; sheets: {known}"),
        "{name} is damaged and cannot be read ({why})":
            tr("{name} is damaged and cannot be read ({why})"),
        "{name}: the sheet has more than {n} rows": tr("{name}: the sheet has more than {n} rows"),
        "{path}: cannot create the folder ({reason})":
            tr("{path}: cannot create the folder ({reason})"),
        "could not write {what} in the folder {folder} ({reason})":
            tr("could not write {what} in the folder {folder} ({reason})"),
        "could not write {what}: the folder {folder} is full ({reason}); free some space there, "
        "or set TMPDIR to a folder with room":
            tr("could not write {what}: the folder {folder} is full ({reason}); free some space "
               "there, or set TMPDIR to a folder with room"),
        "the run has {m} iterates but a sheet holds at most {most} (use at most {iters} "
        "iterations)":
            tr("the run has {m} iterates but a sheet holds at most {most} (use at most {iters} "
               "iterations)"),
        "the data has {n} samples but a sheet holds at most {most}":
            tr("the data has {n} samples but a sheet holds at most {most}"),
        "the workbook's sheets": tr("the workbook's sheets"),
        "fetches a web address": tr("fetches a web address"),
        "reads fetched XML": tr("reads fetched XML"),
        "talks to another program": tr("talks to another program"),
        "refers to cells named by text, out of sight of a check":
            tr("refers to cells named by text, out of sight of a check"),
        "opens a link": tr("opens a link"),
        "calls a program library": tr("calls a program library"),
        "runs a program": tr("runs a program"),
        "fetches a picture from a web address": tr("fetches a picture from a web address"),
        "{name} is refused: it {what} ({where}); gdapp never writes that, and a spreadsheet "
        "program could act on it":
            tr("{name} is refused: it {what} ({where}); gdapp never writes that, and a "
               "spreadsheet program could act on it"),
        "holds macros": tr("holds macros"),
        "links to data in another file or program": tr("links to data in another file or program"),
        "embeds an object or control of another program":
            tr("embeds an object or control of another program"),
        "holds a connection to an outside data source":
            tr("holds a connection to an outside data source"),
        "holds a picture": tr("holds a picture"),
        "has a formula calling {function}, which {does}":
            tr("has a formula calling {function}, which {does}"),
        "has a formula that refers outside the workbook, ={formula}":
            tr("has a formula that refers outside the workbook, ={formula}"),
        "of type {kind}": tr("of type {kind}"),
        "of no declared type": tr("of no declared type"),
        "{name} has a part {part} {kind}, which gdapp does not write, so its verdict could not "
        "cover it":
            tr("{name} has a part {part} {kind}, which gdapp does not write, so its verdict "
               "could not cover it"),
        "sheet {title}, cell {cell}": tr("sheet {title}, cell {cell}"),
        "sheet {title}": tr("sheet {title}"),
        "a defined name": tr("a defined name"),
        "{name}: cannot read the file ({reason})": tr("{name}: cannot read the file ({reason})"),
        "{name} is not a readable .xlsx workbook (it has no part {member})":
            tr("{name} is not a readable .xlsx workbook (it has no part {member})"),
        "{name} is damaged: its part {member} is not well-formed XML ({reason})":
            tr("{name} is damaged: its part {member} is not well-formed XML ({reason})"),
        "{name} has {n} parts; a gdapp workbook has at most {most}":
            tr("{name} has {n} parts; a gdapp workbook has at most {most}"),
        "refers to {target} outside the workbook": tr("refers to {target} outside the workbook"),
        "holds a link": tr("holds a link"),
        "{name} is not a gdapp workbook (no {sheet} sheet)":
            tr("{name} is not a gdapp workbook (no {sheet} sheet)"),
        "{name} has a sheet {sheet} that gdapp does not write, so its verdict could not cover it":
            tr("{name} has a sheet {sheet} that gdapp does not write, so its verdict could not "
               "cover it"),
        "{name} holds {size} MiB of text in its shared strings; a gdapp workbook holds a few KB":
            tr("{name} holds {size} MiB of text in its shared strings; a gdapp workbook holds a "
               "few KB"),
        "{name}: its {title} sheet is {size} MiB; gdapp writes a few KB there":
            tr("{name}: its {title} sheet is {size} MiB; gdapp writes a few KB there"),
        "{name}: its part xl/calcChain.xml unpacks to {size}, more than the formulas gdapp writes "
        "could need":
            tr("{name}: its part xl/calcChain.xml unpacks to {size}, more than the formulas "
               "gdapp writes could need"),
        "its {title} sheet": tr("its {title} sheet"),
        "{name}: {what} unpacks to {size}; gdapp writes at most {limit} there for this run":
            tr("{name}: {what} unpacks to {size}; gdapp writes at most {limit} there for this run"),
        "its chart part {member}": tr("its chart part {member}"),
        "its part {member}": tr("its part {member}"),
        "holds a formula with no saved value (open and save the file in a spreadsheet program "
        "first, or type the number)":
            tr("holds a formula with no saved value (open and save the file in a spreadsheet "
               "program first, or type the number)"),
        "a part of it is not what an .xlsx workbook holds":
            tr("a part of it is not what an .xlsx workbook holds"),
        "its XML is malformed: {line}": tr("its XML is malformed: {line}"),
        "{name} is not a gdapp workbook (its Settings sheet has no '{marker}' marker)":
            tr("{name} is not a gdapp workbook (its Settings sheet has no '{marker}' marker)"),
        "{path} is not a file": tr("{path} is not a file"),
        "{name} has {n} parts; a workbook has far fewer":
            tr("{name} has {n} parts; a workbook has far fewer"),
        "{name} unpacks to {size} GiB; the limit is {limit} GiB":
            tr("{name} unpacks to {size} GiB; the limit is {limit} GiB"),
        "Settings: the {label} setting ('{key}') is missing":
            tr("Settings: the {label} setting ('{key}') is missing"),
        "Settings: {label} {note}": tr("Settings: {label} {note}"),
        "Settings: {label} must be a number, got {got}":
            tr("Settings: {label} must be a number, got {got}"),
        "Settings: model must be one of {choices}, got {got}":
            tr("Settings: model must be one of {choices}, got {got}"),
        "{name}: the defined name '{key}' does not point into the Data sheet":
            tr("{name}: the defined name '{key}' does not point into the Data sheet"),
        "{name}: '{key}' must be one column of cells on the Data sheet":
            tr("{name}: '{key}' must be one column of cells on the Data sheet"),
        "{name}: '{key}' covers more rows than a sheet holds":
            tr("{name}: '{key}' covers more rows than a sheet holds"),
        "{name}, Data row {row}: {role}": tr("{name}, Data row {row}: {role}"),
        "{name}: the Data sheet ends before the end of {key}":
            tr("{name}: the Data sheet ends before the end of {key}"),
        "{path}: permission denied (cannot read it)":
            tr("{path}: permission denied (cannot read it)"),
        "{name} is not an .xlsx workbook (it is not a zip archive)":
            tr("{name} is not an .xlsx workbook (it is not a zip archive)"),
        "{name} is not a readable .xlsx workbook ({why})":
            tr("{name} is not a readable .xlsx workbook ({why})"),
        "{name} has gdapp workbook format {version}; this gdapp reads format {format}":
            tr("{name} has gdapp workbook format {version}; this gdapp reads format {format}"),
        "{name}, {problem}": tr("{name}, {problem}"),
        "{name}, Settings: {problem}": tr("{name}, Settings: {problem}"),
        "{name}, Data: {problem}": tr("{name}, Data: {problem}"),
        "{name}: {key} and y_data must cover the same rows":
            tr("{name}: {key} and y_data must cover the same rows"),
        "Settings: '{key}' {note}": tr("Settings: '{key}' {note}"),
        "Settings: '{key}' must be a text setting, got {got}":
            tr("Settings: '{key}' must be a text setting, got {got}"),
        "{at} is {value}, not a number": tr("{at} is {value}, not a number"),
        "Settings: {label} must be TRUE or FALSE, got {got}":
            tr("Settings: {label} must be TRUE or FALSE, got {got}"),
        "Settings: {label} must be a whole number, got {got}":
            tr("Settings: {label} must be a whole number, got {got}"),
        "the time limit must be > 0 seconds, got {got}":
            tr("the time limit must be > 0 seconds, got {got}"),
        "workbooks recalculated together need different file names":
            tr("workbooks recalculated together need different file names"),
        "cannot verify: {path} does not exist or is not a file":
            tr("cannot verify: {path} does not exist or is not a file"),
        "the output folder must differ from the folder of {name}":
            tr("the output folder must differ from the folder of {name}"),
        "cannot verify: LibreOffice wrote no recalculated copy of {name} (it could not open it as "
        "a workbook){said}":
            tr("cannot verify: LibreOffice wrote no recalculated copy of {name} (it could not "
               "open it as a workbook){said}"),
        "{name}: the Iterations sheet holds no iterates":
            tr("{name}: the Iterations sheet holds no iterates"),
        "{name}, Iterations row {row}: k should be {count}, got {got}":
            tr("{name}, Iterations row {row}: k should be {count}, got {got}"),
        "{name}: the Iterations sheet has more rows than gdapp writes":
            tr("{name}: the Iterations sheet has more rows than gdapp writes"),
        "{name}: the Iterations sheet is damaged ({reason})":
            tr("{name}: the Iterations sheet is damaged ({reason})"),
        "{name}: the Data sheet ends before the end of its samples":
            tr("{name}: the Data sheet ends before the end of its samples"),
        "the Data sheet's sample numbers must be 1, 2, … once each (the rows of the data file)":
            tr("the Data sheet's sample numbers must be 1, 2, … once each (the rows of the data "
               "file)"),
        "{name}: the held-out samples (y_test) must follow the training ones (y_data) on the Data "
        "sheet":
            tr("{name}: the held-out samples (y_test) must follow the training ones (y_data) on "
               "the Data sheet"),
        "{name}, Data row {row}: the sample's row {value} is not a whole number":
            tr("{name}, Data row {row}: the sample's row {value} is not a whole number"),
        "degree {degree} does not match the Data sheet's {n} power columns (export the run again "
        "to change the degree)":
            tr("degree {degree} does not match the Data sheet's {n} power columns (export the "
               "run again to change the degree)"),
        "test_fraction must be a number and split_seed a whole number":
            tr("test_fraction must be a number and split_seed a whole number"),
        "test_fraction {fraction} with split_seed {seed} holds out other samples than the Data "
        "sheet does (export the run again to change the split)":
            tr("test_fraction {fraction} with split_seed {seed} holds out other samples than the "
               "Data sheet does (export the run again to change the split)"),
        "cannot verify: {name} cannot be read ({reason})":
            tr("cannot verify: {name} cannot be read ({reason})"),
        "cannot verify: the workbook's part {member} is missing or damaged ({reason})":
            tr("cannot verify: the workbook's part {member} is missing or damaged ({reason})"),
        "cannot verify: sheet {title} is damaged ({reason})":
            tr("cannot verify: sheet {title} is damaged ({reason})"),
        "{path} names a folder, not a workbook file":
            tr("{path} names a folder, not a workbook file"),
        "{name}: a workbook's file name must end in .xlsx":
            tr("{name}: a workbook's file name must end in .xlsx"),
        "the file name {name}… is too long ({n} characters): use at most {most}":
            tr("the file name {name}… is too long ({n} characters): use at most {most}"),
        "{path} is a folder, not a workbook file": tr("{path} is a folder, not a workbook file"),
        "{path} is not a folder": tr("{path} is not a folder"),
        "{path}: no such folder": tr("{path}: no such folder"),
        "{path}: permission denied (cannot write there)":
            tr("{path}: permission denied (cannot write there)"),
        "{path} is read-only: make it writable or choose another name":
            tr("{path} is read-only: make it writable or choose another name"),
        "no output file given": tr("no output file given"),
        "{path} is not a file path": tr("{path} is not a file path"),
        "{path}: cannot write there ({reason})": tr("{path}: cannot write there ({reason})"),
        "{path} is a symbolic link that leads round in a loop":
            tr("{path} is a symbolic link that leads round in a loop"),
        "{path}: could not save the workbook ({reason})":
            tr("{path}: could not save the workbook ({reason})"),
        "{name} is damaged: a part of it cannot be unpacked ({reason})":
            tr("{name} is damaged: a part of it cannot be unpacked ({reason})"),
        "{name} is refused: its part {part} declares XML entities or a document type, which "
        "workbooks never need and which can make a reader hang":
            tr("{name} is refused: its part {part} declares XML entities or a document type, "
               "which workbooks never need and which can make a reader hang"),
        "{name} is refused: its part {part} does not start like spreadsheet XML":
            tr("{name} is refused: its part {part} does not start like spreadsheet XML"),
        "{name} is not a gdapp workbook: its sheet part {part} ({size} MB) does not state its "
        "size, so it is not read":
            tr("{name} is not a gdapp workbook: its sheet part {part} ({size} MB) does not state "
               "its size, so it is not read"),
    }


def system_reasons() -> dict[str, str]:
    """The operating system's reason a file could not be read or written (``strerror``, the
    ``reason`` of "{path}: cannot write there ({reason})") → the window's words for it."""
    return {
        "Permission denied": tr("Permission denied"),
        "Operation not permitted": tr("Operation not permitted"),
        "No such file or directory": tr("No such file or directory"),
        "Not a directory": tr("Not a directory"),
        "Is a directory": tr("Is a directory"),
        "Read-only file system": tr("Read-only file system"),
        "No space left on device": tr("No space left on device"),
        "Disk quota exceeded": tr("Disk quota exceeded"),
        "File name too long": tr("File name too long"),
        "Input/output error": tr("Input/output error"),
        "Too many levels of symbolic links": tr("Too many levels of symbolic links"),
    }
