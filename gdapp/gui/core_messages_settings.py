"""The window's Korean for the rest of the core's refusals and notes: a run's settings (a
choice that is not one of the table's, a start too large), a data set's shape, classes, the
held-out split and the powers of x, the regularization path, and the exact optimum's notes
(not unique, close but not exact).

:func:`gdapp.gui.core_messages.templates` merges this table into its own.
"""

from __future__ import annotations

from gdapp.core.costs import COST_SETTINGS
from gdapp.gui.i18n import tr
from gdapp.gui.rule_texts import setting_label


def settings_templates() -> dict[str, str]:
    """English template → the window's template (built per call: the language may change)."""
    return {
        "classes {text}: give two different labels separated by a comma, the one that becomes 0 "
        "first (e.g. fail,pass)":
            tr("classes {text}: give two different labels separated by a comma, the one that "
               "becomes 0 first (e.g. fail,pass)"),
        "{at} holds {text}, which is neither {zero} (0) nor {one} (1)":
            tr("{at} holds {text}, which is neither {zero} (0) nor {one} (1)"),
        "cost must be one of {choices}, got {got}": tr("cost must be one of {choices}, got {got}"),
        "{at} {note}": tr("{at} {note}"),
        "{p} features are more than gdapp handles (at most {most})":
            tr("{p} features are more than gdapp handles (at most {most})"),
        "a scaling of {n} features for {p} features":
            tr("a scaling of {n} features for {p} features"),
        "this data set has {p} features, not one": tr("this data set has {p} features, not one"),
        "the features must form a table: one row per sample":
            tr("the features must form a table: one row per sample"),
        "{n} feature names for {p} feature columns":
            tr("{n} feature names for {p} feature columns"),
        "the compiled kernel cannot compute this run":
            tr("the compiled kernel cannot compute this run"),
        "kernel must be one of {choices}, got {got}":
            tr("kernel must be one of {choices}, got {got}"),
        "the start {name} = {value} is too large: a run counts as diverged beyond ±{limit}; start "
        "nearer 0":
            tr("the start {name} = {value} is too large: a run counts as diverged beyond "
               "±{limit}; start nearer 0"),
        "the objective at the start is too large to compute (not a finite number): try a smaller "
        "start, λ or data values":
            tr("the objective at the start is too large to compute (not a finite number): try a "
               "smaller start, λ or data values"),
        "the degree must be a whole number from 1 to {most}, got {got}":
            tr("the degree must be a whole number from 1 to {most}, got {got}"),
        "polynomial features are made from one feature x; these data have {p} ({names})":
            tr("polynomial features are made from one feature x; these data have {p} ({names})"),
        "make the powers of x before standardizing, not of z-scores":
            tr("make the powers of x before standardizing, not of z-scores"),
        "the test fraction must be between 0 and 1 (a share of the samples), got {got}":
            tr("the test fraction must be between 0 and 1 (a share of the samples), got {got}"),
        "the split seed must be a whole number ≥ 0, got {got}":
            tr("the split seed must be a whole number ≥ 0, got {got}"),
        "a test fraction of {f} holds out {test} of the {n} samples, leaving {train} to train on: "
        "at least 2 are needed":
            tr("a test fraction of {f} holds out {test} of the {n} samples, leaving {train} to "
               "train on: at least 2 are needed"),
        "the test fraction must be a number, got {got}":
            tr("the test fraction must be a number, got {got}"),
        "model must be one of {choices}, got {got}":
            tr("model must be one of {choices}, got {got}"),
        "λ = {lam} is too large to compute the optimum at (its arithmetic overflows): give λ "
        "values up to {limit}":
            tr("λ = {lam} is too large to compute the optimum at (its arithmetic overflows): "
               "give λ values up to {limit}"),
        "the regularization path needs a penalty: --penalty l1 or l2":
            tr("the regularization path needs a penalty: --penalty l1 or l2"),
        "every slope is 0 at any λ (the target does not vary with the features): there is no path "
        "to draw":
            tr("every slope is 0 at any λ (the target does not vary with the features): there is "
               "no path to draw"),
        "give at least one λ": tr("give at least one λ"),
        "λ must be a finite number ≥ 0, got {got}": tr("λ must be a finite number ≥ 0, got {got}"),
        "the {model} model takes the cost {costs}, not {cost}":
            tr("the {model} model takes the cost {costs}, not {cost}"),
        "penalty must be one of {choices}, got {got}":
            tr("penalty must be one of {choices}, got {got}"),
        "L1 step must be one of {choices}, got {got}":
            tr("L1 step must be one of {choices}, got {got}"),
        "the {model} model {formula} takes one feature; these data have {p}":
            tr("the {model} model {formula} takes one feature; these data have {p}"),
        "the {model} model {formula} takes {count} feature; these data have {p}":
            tr("the {model} model {formula} takes {count} feature; these data have {p}"),
        "the {model} model has {n} parameter(s) ({names}) but the start has {m} value(s)":
            tr("the {model} model has {n} parameter(s) ({names}) but the start has {m} value(s)"),
        "start {name}": tr("start {name}"),
        "optimizer must be one of {choices}, got {got}":
            tr("optimizer must be one of {choices}, got {got}"),
        "schedule must be one of {choices}, got {got}":
            tr("schedule must be one of {choices}, got {got}"),
        "{label} must be > {above}, got {v}": tr("{label} must be > {above}, got {v}"),
        "the target holds the two labels {a} and {b}, not numbers: state which is 0 and which is "
        "1 (the command line's --classes {pair} makes {a} 0)":
            tr("the target holds the two labels {a} and {b}, not numbers: state which is 0 and "
               "which is 1 (the command line's --classes {pair} makes {a} 0)"),
        "the optimum is not unique: the features {listed} are linearly dependent (one is a "
        "combination of the others), so many coefficient sets fit equally well":
            tr("the optimum is not unique: the features {listed} are linearly dependent (one is "
               "a combination of the others), so many coefficient sets fit equally well"),
        "no closed form: the derivative was bisected to machine precision":
            tr("no closed form: the derivative was bisected to machine precision"),
        "the optimum is not unique: feature {name} is constant, so its coefficient does not "
        "change the cost":
            tr("the optimum is not unique: feature {name} is constant, so its coefficient does "
               "not change the cost"),
        "the optimum is not unique: feature {name} is 0 in every sample, so its coefficient does "
        "not change the cost":
            tr("the optimum is not unique: feature {name} is 0 in every sample, so its "
               "coefficient does not change the cost"),
        "coordinate descent stopped at a KKT gap of {gap} of the penalty that zeroes every "
        "coefficient (the features are nearly dependent): close to the optimum, not exact":
            tr("coordinate descent stopped at a KKT gap of {gap} of the penalty that zeroes "
               "every coefficient (the features are nearly dependent): close to the optimum, "
               "not exact"),
        "the gradient check's h must be a number, got {got}":
            tr("the gradient check's h must be a number, got {got}"),
        "the gradient check's h must be a finite number > 0, got {got}":
            tr("the gradient check's h must be a finite number > 0, got {got}"),
        "not unique: every b1 from {lo} to {hi} gives the same MAE":
            tr("not unique: every b1 from {lo} to {hi} gives the same MAE"),
    }


def setting_words() -> dict[str, str]:
    """A setting's name as a refusal of the workbook layer writes it (the ``label`` of
    "Settings: {label} must be a number") → the window's words for it."""
    words = {
        "η (learning rate)": tr("η (learning rate)"), "tolerance": tr("tolerance"),
        "max iterations": tr("max iterations"), "μ (momentum)": tr("μ (momentum)"),
        "τ (dampening)": tr("τ (dampening)"), "α (smoothing)": tr("α (smoothing)"),
        "γ (decay)": tr("γ (decay)"), "s (step size)": tr("s (step size)"),
        "batch size b": tr("Batch size B"), "seed": tr("Seed"), "Centred": tr("Centred"),
        "Shuffle": tr("Shuffle"), "h of the gradient check": tr("h of the gradient check"),
    }
    words.update((s.label, setting_label(s)) for s in COST_SETTINGS.values())
    return words
