"""How the Summary solves the optimum of several features, and how far verify trusts it.

The decision
------------
* **Least squares (no penalty): LINEST.** ``INDEX(LINEST(y_data, X, const, FALSE), 1,
  p − j + 1)`` solves by a QR decomposition of the samples in Excel, LibreOffice and Gnumeric
  (tested in both: ``tests/test_summary_optimum.py``), where the normal equations' MINVERSE
  squares the samples' condition number. On an unstandardized degree-9 polynomial (κ of
  Σ u·uᵀ ≈ 4e15) MINVERSE put "objective at the optimum" 2e−4 high and gdapp's own export
  failed verification; LINEST lands within 1e−10 of the exact value (fractions), and so on
  x2 = x1·(1 + 1e−10 … 1e−14), for the line and the origin model. So the objective at the
  optimum — a minimum, well-conditioned however ill-conditioned b is — stays checked
  tightly at every κ (:func:`gdapp.excel.expected.optimum_scale`). A workbook an earlier
  gdapp wrote with MINVERSE is accepted by its spelling (:mod:`gdapp.excel.earlier`) and
  judged by the same values, so a MINVERSE that lost its digits is still refused.
* **Ridge: MINVERSE of Σ u·uᵀ + n·λ·I.** Ridge is least squares on the samples augmented
  with √(n·λ)·I (rows whose target is 0; centred u, v for ``line`` so that b0 stays out of
  the penalty): n·(E + λ·Σbj²) = Σ (v − u·b)² + Σ (0 − √(nλ)·bj)². No function of the
  three engines stacks ranges (VSTACK is Excel 365 and LibreOffice 24.8 only), so LINEST
  cannot take those rows without a copy of every sample on the sheet; the block's MINVERSE
  stays. λ improves the block's κ, and up to κ = 1e8 (where the Summary already says "do
  not trust these cells") everything is checked as before. Beyond, the solve keeps about
  16 − log10 κ digits: verify then judges those cells for what they are — the optimum's
  cells within κ·|b|·1e−3 as before, b0 and the objective at the optimum within what an
  error of that size in b moves them (:func:`allowance`) — and says so in a note naming κ
  (:func:`untrusted_note`), while the verdict stays "agree" (exit 0).
"""

from __future__ import annotations

import numpy as np

from gdapp.core import MODEL_RULES, Run
from gdapp.core.messages import Message
from gdapp.excel.summary import block_rows, solved
from gdapp.excel.tolerance import RELATIVE_TOLERANCE

__all__ = ["TRUSTED_KAPPA", "allowance", "minverse_kappa", "untrusted_note"]

#: Up to this condition number of the block the sheet's MINVERSE is trusted (the Summary
#: says "do not trust these cells" beyond it).
TRUSTED_KAPPA = 1e8
#: How many times κ·ε·|b| a MINVERSE solve may be off (LU's growth, p terms per entry).
_SOLVE_FACTOR = 100.0


def minverse_kappa(run: Run) -> float | None:
    """κ of the block Σ u·uᵀ + n·λ·I when the Summary solves it by MINVERSE (ridge) and κ
    exceeds :data:`TRUSTED_KAPPA`; else None (LINEST, or a trusted κ)."""
    spec = run.spec
    if not solved(run) or not (spec.penalty == "l2" and spec.lam > 0):
        return None
    block = np.array([[c.expected for c in row[1:-1]] for row in block_rows(run)[1:]],
                     dtype=np.float64)
    kappa = float(np.linalg.cond(block))
    return kappa if not np.isfinite(kappa) or kappa > TRUSTED_KAPPA else None


def allowance(run: Run, what: str) -> float:
    """The scale (in :data:`~gdapp.excel.tolerance.RELATIVE_TOLERANCE` units) by which an
    untrusted MINVERSE may move ``what``: "b0" (ȳ − x̄ᵀb moves by x̄ᵀδ) or "objective"
    (δᵀ·(block/n)·δ above the minimum); 0 where the solve is trusted."""
    kappa = minverse_kappa(run)
    if kappa is None or run.optimum.params is None:
        return 0.0
    spec = run.spec
    intercept = MODEL_RULES[spec.model].intercept
    b = np.asarray(run.optimum.params, dtype=np.float64)
    slopes = b[1:] if intercept else b
    size = float(np.max(np.abs(slopes)))
    delta = _SOLVE_FACTOR * (kappa if np.isfinite(kappa) else 1e300) \
        * np.finfo(float).eps * size
    if what == "b0":
        moved = delta * float(np.sum(np.abs(spec.data.X.mean(axis=0))))
    else:
        block = np.array([[c.expected for c in row[1:-1]] for row in block_rows(run)[1:]],
                         dtype=np.float64)
        moved = float(np.linalg.eigvalsh(block)[-1]) / spec.data.n * delta * delta
    return moved / RELATIVE_TOLERANCE


def untrusted_note(run: Run) -> tuple[str, ...]:
    """verify's note where the Summary's ridge optimum was judged within MINVERSE's own
    rounding (none where it is trusted)."""
    kappa = minverse_kappa(run)
    if kappa is None:
        return ()
    digits = max(0, 16 - int(np.log10(kappa))) if np.isfinite(kappa) else 0
    return (Message("note: the Summary's ridge optimum is not trustworthy at this condition "
                    "number (κ = {kappa}: the sheet's MINVERSE keeps about {digits} digits); its "
                    "cells, b0 and the objective there were compared within what that rounding "
                    "allows, not 1e-12", kappa=f"{kappa:.1e}", digits=str(digits)),)
