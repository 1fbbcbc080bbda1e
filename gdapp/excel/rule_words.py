"""The Korean words of the costs and models in a workbook: generated from their table entries
(labels, help and settings in both languages), plus the few phrases a workbook writes about
the costs and models that were added as entries (the Huber cost, logistic regression), in
the glossary's terms (교차 엔트로피, 후버 손실, 정확도, 뉴턴 방법 …).

:mod:`gdapp.excel.labels` merges these into its Korean table, so a new cost or model brings
its Korean words with its entry.
"""

from __future__ import annotations

from gdapp.core import MODEL_RULES
from gdapp.core.costs import COST_RULES, COST_SETTINGS
from gdapp.excel.setting_help import KEPT, cost_help, model_help

#: The short names of the costs in a column header ("cost E (cross-entropy)") and in the
#: Summary's notes; the first three costs are written as they are (MSE, MAE, RMSE).
SHORT_KO = {rule.short: rule.short_ko for rule in COST_RULES.values() if rule.short_ko}

#: What the Summary and the Iterations sheet say about the costs and models added as entries.
PHRASES_KO = {
    "accuracy: share of samples with (p ≥ 0.5) = y":
        "정확도: (p ≥ 0.5)가 y와 같은 샘플의 비율",
    "Newton": "뉴턴 방법",
    "proximal Newton": "근위 뉴턴 방법",
    "Gradient ∂(E+P)/∂{p} at the optimum": "최적해에서의 기울기 ∂(E+P)/∂{p}",
    "≈ 0: recomputed live, it proves the values above are the optimum":
        "≈ 0: 시트가 다시 계산하며, 위의 값이 최적해임을 보여 준다",
    "≈ 0 where the parameter is not 0, within ±λ where it is 0: the optimum's conditions, "
    "recomputed live":
        "파라미터가 0이 아니면 ≈ 0, 0이면 ±λ 안: 최적해의 조건을 시트가 다시 계산한다",
    "Safe bound 2/L (L: the largest eigenvalue of κ·XᵀX/n): η below it is stable":
        "안전한 상한 2/L (L: κ·XᵀX/n의 가장 큰 고윳값): η가 이 값보다 작으면 안정하다",
    "Safe bound (2 + 2μ)/L (L: the largest eigenvalue of κ·XᵀX/n): η below it is stable":
        "안전한 상한 (2 + 2μ)/L (L: κ·XᵀX/n의 가장 큰 고윳값): η가 이 값보다 작으면 안정하다",
    "computed by gdapp at export: a bound, not the exact limit: the Hessian H ≼ κ·XᵀX/n "
    "(+ 2λ with L2), κ = {kappa} the largest curvature of the {cost} cost (X with a column "
    "of ones for b0)":
        "내보낼 때 gdapp이 계산한 값: 정확한 한계가 아니라 상한이다. 헤시안 H ≼ κ·XᵀX/n "
        "(L2 규제면 + 2λ), κ = {kappa}는 {cost} 비용함수의 곡률 상한 L (b0가 있으면 X에 1로 "
        "된 열을 더한다)",
    "{cost} on the {model} model is not convex (σ flattens it): its curvature has no useful "
    "bound":
        "{model} 모델에서 {cost}는 볼록하지 않다 (σ가 평평하게 만든다): 곡률에 쓸모 있는 "
        "상한이 없다",
    "{cost} on the {model} model is not convex (σ flattens it): no exact optimum is computed; "
    "the cross-entropy's is convex":
        "{model} 모델에서 {cost}는 볼록하지 않다 (σ가 평평하게 만든다): 정확한 최적해를 "
        "계산하지 않는다. 교차 엔트로피는 볼록하다",
    "no finite optimum: a line separates the two classes, so the cross-entropy keeps falling "
    "as the weights grow (the descent's weights grow for ever); a penalty (L2 or L1) gives a "
    "finite optimum":
        "유한한 최적해가 없다: 직선 하나가 두 클래스를 나누므로 가중치가 커질수록 교차 "
        "엔트로피가 계속 줄어든다 (경사하강법의 가중치는 끝없이 커진다). 패널티(L2 또는 "
        "L1)를 주면 유한한 최적해가 생긴다",
    "no finite optimum: every sample is of one class, so b0 (never penalized) grows for ever "
    "as the cross-entropy falls toward 0":
        "유한한 최적해가 없다: 모든 샘플이 한 클래스라서, 교차 엔트로피가 0으로 줄어드는 "
        "동안 b0(패널티를 받지 않는다)가 끝없이 커진다",
    "Newton's method stopped at a gradient of {g} of its scale: close to the optimum, not "
    "exact":
        "뉴턴 방법이 기울기가 크기의 {g}일 때 멈췄다: 최적해에 가깝지만 정확하지는 않다",
    "{label} has no closed form here": "{label}에는 여기서 닫힌 형태의 해가 없다",
}


def rule_words() -> dict[str, str]:
    """English → Korean for every cost's and model's words a workbook holds."""
    out: dict[str, str] = {}
    for name, model in MODEL_RULES.items():
        if ("model", name) not in KEPT:
            out[model_help(name)] = f"{name}: {model.help_ko}."
    for name, cost in COST_RULES.items():
        out[cost.label] = cost.label_ko
        if ("cost", name) not in KEPT:
            out[cost_help(name)] = f"에러 E를 재는 방법: {cost.label_ko}. {cost.help_ko}"
    for setting in COST_SETTINGS.values():
        out[setting.label] = setting.label_ko
        out[setting.help] = setting.help_ko
    return {**out, **SHORT_KO, **PHRASES_KO}
