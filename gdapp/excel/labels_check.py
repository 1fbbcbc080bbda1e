"""The Korean words of the labels the finite-difference check of the gradient adds to a
workbook (``gdapp export --check-gradient``: :mod:`gdapp.excel.gradient_check`), merged into
:data:`gdapp.excel.labels.TABLES`. Terms from the project's glossary: 수치 미분 검사,
기울기, 목적함수; the central difference is 중앙 차분."""

from __future__ import annotations

KOREAN_CHECK: dict[str, str] = {
    # ---- Settings ----------------------------------------------------------------------
    "h of the gradient check": "기울기 수치 미분 검사의 h",
    "The central difference (E(b + s·ej) − E(b − s·ej))/(2s), s = h·max(1, |bj|), stands "
    "beside each gradient: where they agree to many digits, the gradient is right.":
        "중앙 차분 (E(b + s·ej) − E(b − s·ej))/(2s), s = h·max(1, |bj|) 을 각 기울기 옆에 "
        "계산한다. 여러 자리까지 같으면 기울기(미분)가 맞다.",
    # ---- Iterations --------------------------------------------------------------------
    "check of ∂(E+P)/∂{p}: central difference (F(+s) − F(−s))/(2s), s = h·max(1, |{p}|)":
        "∂(E+P)/∂{p} 의 수치 미분 검사: 중앙 차분 (F(+s) − F(−s))/(2s), "
        "s = h·max(1, |{p}|)",
}
