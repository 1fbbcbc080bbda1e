"""The words of an exported workbook, one table per language: :func:`words`.

The exporter writes every label, header, explanation and chart title in English and passes
it through ``words(lang)``, as gettext passes a message through its catalogue: the English
text is the key, and a table per language (:data:`TABLES`) gives the translation. An entry
with ``{fields}`` is a template: it matches the texts made from it ("Final {p}" matches
"Final b1"), and the values of its fields are translated in turn ("{cost} with an
{penalty}" inside "no closed form for {why} …"). Texts with no entry stay as they are (the
tests ask :meth:`Words.strict` of every label a workbook can hold, so none is missed).

What is never translated
------------------------
A Korean workbook differs from an English one in its text cells only. Formulas, defined
names, numbers and the Settings sheet's machine values (model ``origin``, cost ``mse``…,
read back by :mod:`gdapp.excel.readback`) are the same in every language, so ``gdapp
verify`` and ``gdapp run --from`` read both, and a test compares the two cell by cell.

**Sheet names stay English** (Settings, Data, Iterations, Summary) in every language. Every
formula and defined name refers to them (``Iterations!$B$398``, ``Settings!$B$2``): Korean
sheet names would have to be quoted in every reference, would change the formula texts the
verifier compares (so a Korean workbook's formulas would no longer equal the English
one's), and would give the reader two names to look for per sheet; English names work the
same in Excel, LibreOffice and Gnumeric. The labels *in* the sheets are translated, and
Excel's Korean interface shows the names as they are.

The reader accepts the marker, the "data source" label and the "value at export" header in
every language (:func:`in_every_language`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Literal

from gdapp.excel.labels_check import KOREAN_CHECK
from gdapp.excel.labels_overfit import KOREAN_OVERFIT
from gdapp.excel.rule_words import rule_words

Language = Literal["en", "ko"]
#: The languages a workbook can be written in; English is the default.
LANGUAGES: tuple[Language, ...] = ("en", "ko")

#: English → Korean. Terms as the lecture note uses them (비용함수, 경사하강법, 학습률, 규제,
#: 패널티 항, 정규방정식, 수렴…); see the project's Korean glossary.
KOREAN: dict[str, str] = {
    # ---- Settings ----------------------------------------------------------------------
    "setting": "설정",
    "value": "값",
    "defined name": "정의된 이름",
    "what it means": "설명",
    "value at export": "내보낼 때의 값",
    "Model": "모델",
    "Cost": "비용함수",
    "Penalty": "패널티 (규제)",
    "λ (penalty strength)": "λ (람다, 패널티 강도)",
    "L1 step": "L1 업데이트 방식",
    "η (learning rate)": "η (학습률)",
    "Start {p}": "시작점 {p}",
    "Max iterations": "최대 반복 횟수",
    "Tolerance": "허용 오차",
    "origin: ŷ = b1·x (the note's); line: ŷ = b0 + b1·x.":
        "origin: ŷ = b1·x (강의 노트의 모델), line: ŷ = b0 + b1·x (절편이 있는 모델).",
    "How the error E is measured: mean squared (MSE), mean absolute (MAE) or root mean "
    "squared (RMSE).":
        "에러 E를 재는 방법: 평균제곱오차(MSE), 평균절대오차(MAE) 또는 평균제곱근오차(RMSE).",
    "Regularization added to E on the coefficients (never on b0): L2 = λ·Σbj², "
    "L1 = λ·Σ|bj| (one feature: λ·b1², λ·|b1|).":
        "E에 더하는 규제화의 패널티 항 (절편 b0가 아니라 계수에만 붙는다): "
        "L2 = λ·Σbj², L1 = λ·Σ|bj| (특성이 하나면 λ·b1², λ·|b1|).",
    "How strongly the penalty pulls the coefficients toward 0.":
        "패널티 항의 영향력을 얼마나 반영할지 정한다: 클수록 계수가 0 쪽으로 더 줄어든다.",
    "proximal (soft-threshold: lands on exactly 0) or a plain subgradient step (jitters "
    "around 0).":
        "proximal (소프트 임계값: 정확히 0에 도달한다) 또는 단순한 부분기울기(subgradient) "
        "업데이트 (0 근처에서 흔들린다).",
    "Each update moves b by η times the slope of the tangent: b ← b − η·∂E/∂b.":
        "한 번 업데이트할 때마다 b는 기울기(빨간 직선)의 η배만큼 움직인다: b ← b − η·∂E/∂b.",
    "Where the descent begins (the note starts at b1 = 15).":
        "경사하강법을 시작하는 지점 (강의 노트는 b1 = 15에서 출발한다).",
    "The run stops after this many updates.": "이 횟수만큼 업데이트하면 멈춘다.",
    "sine: ŷ = sin(b1·x), a cost of many valleys (origin: ŷ = b1·x; line: ŷ = b0 + b1·x).":
        "sine: ŷ = sin(b1·x), 골짜기가 여럿인 비용함수 (origin: ŷ = b1·x, line: ŷ = b0 + b1·x).",
    "Stopping: an epoch's end whose objective is not below the best so far by this times "
    "max(1, |best|) counts toward the {n} in a row that end the run.":
        "멈춤: 에포크가 끝날 때 목적함수가 지금까지의 가장 작은 값보다 이 값·max(1, |가장 작은 "
        "값|) 이상 작지 않으면, 그런 에포크가 연달아 {n}번이면 실행이 끝난다.",
    "Converged when no parameter moves more than this in one update.":
        "한 번의 업데이트에서 어느 파라미터도 이 값보다 많이 움직이지 않으면 수렴한 것으로 본다.",
    # optimizers, schedules (the window's words for them, gdapp_ko.ts)
    "Optimizer": "옵티마이저",
    "How the gradient becomes a step: gd (the note's), momentum, nesterov, adagrad, rmsprop "
    "or adam (PyTorch's equations).":
        "기울기로 한 걸음을 만드는 방법: gd(강의 노트의 방법), momentum, nesterov, adagrad, "
        "rmsprop, adam(PyTorch의 식).",
    "μ (momentum)": "μ (모멘텀)",
    "How much of the previous step carries on: buf = μ·buf + (1 − τ)·g (momentum, nesterov "
    "0.9; rmsprop 0).":
        "앞 단계가 얼마나 이어지는지: buf = μ·buf + (1 − τ)·g (momentum, nesterov는 0.9, "
        "rmsprop은 0).",
    "τ (dampening)": "τ (감쇠)",
    "The share of each new gradient left out of the velocity (torch SGD).":
        "새 기울기 중 속도에 더하지 않는 몫 (torch SGD).",
    "β1": "β1",
    "Adam's memory of the gradient: m = β1·m + (1 − β1)·g.":
        "Adam이 기울기를 기억하는 정도: m = β1·m + (1 − β1)·g.",
    "β2": "β2",
    "Adam's memory of the squared gradient: v = β2·v + (1 − β2)·g².":
        "Adam이 기울기 제곱을 기억하는 정도: v = β2·v + (1 − β2)·g².",
    "ε": "ε",
    "Added to the root in the denominator so that it is never 0 (adagrad 1e-10; rmsprop, "
    "adam 1e-8).":
        "분모가 0이 되지 않도록 제곱근에 더하는 값 (adagrad 1e-10, rmsprop과 adam 1e-8).",
    "α (smoothing)": "α (평활)",
    "RMSProp's memory of the squared gradient: v = α·v + (1 − α)·g².":
        "RMSProp이 기울기 제곱을 기억하는 정도: v = α·v + (1 − α)·g².",
    "Centred": "중심화",
    "RMSProp divides by the variance of g, not its mean square.":
        "RMSProp이 g의 제곱 평균 대신 분산으로 나눈다.",
    "AMSGrad": "AMSGrad",
    "Adam divides by the largest v seen so far.": "Adam이 지금까지 나온 가장 큰 v로 나눈다.",
    "Schedule": "스케줄",
    "How η changes with the update k: constant (the note's), step, exponential, invscaling "
    "or cosine.":
        "업데이트 k에 따라 η가 바뀌는 방식: constant(강의 노트의 방식), step, exponential, "
        "invscaling, cosine.",
    "γ (decay)": "γ (감소율)",
    "The factor of the step (default 0.5) and exponential (0.99) schedules.":
        "step 스케줄(기본값 0.5)과 exponential 스케줄(0.99)에서 곱하는 값.",
    "s (step size)": "s (단계 크기)",
    "The step schedule multiplies η by γ every s updates.":
        "step 스케줄은 업데이트 s번마다 η에 γ를 곱한다.",
    "power_t": "power_t",
    "The inverse-scaling schedule's exponent: η/k^power_t.":
        "역스케일링 스케줄의 지수: η/k^power_t.",
    "Batch size B": "배치 크기 B",
    "Samples per update: all of them (the note's full batch) unless given; 1 is stochastic "
    "gradient descent.":
        "업데이트 한 번에 쓰는 샘플 수: 정하지 않으면 전부(강의 노트의 전체 배치)이고, 1이면 "
        "확률적 경사하강법이다.",
    "Shuffle": "섞기",
    "Draw a new order of the samples at every epoch (else they are taken in order).":
        "에포크마다 샘플의 순서를 새로 뽑는다 (아니면 차례대로 쓴다).",
    "Seed": "시드",
    "The seed of the shuffled orders: the same seed, the same run.":
        "섞는 순서의 시드: 시드가 같으면 실행도 같다.",
    "gdapp workbook format": "gdapp 통합 문서 형식",
    "gdapp version": "gdapp 버전",
    "data source": "데이터 출처",
    "samples": "샘플 수",
    "iterate rows": "반복 행 수",
    "status at export": "내보낼 때의 상태",
    "identifies a workbook gdapp wrote": "gdapp이 만든 통합 문서임을 나타낸다",
    # ---- Data --------------------------------------------------------------------------
    "sample": "샘플",
    "prediction ŷ at the final iterate": "마지막 반복에서의 예측값 ŷ",
    "residual y − ŷ": "잔차 y − ŷ",
    # ---- Iterations --------------------------------------------------------------------
    "gradient ∂(E+P)/∂{p}": "기울기 ∂(E+P)/∂{p}",
    "cost E ({cost})": "비용 E ({cost})",
    "penalty P": "패널티 P",
    "penalty P ({penalty})": "패널티 P ({penalty})",
    "objective E+P": "목적함수 E+P",
    "step Δ{p}": "변화량 Δ{p}",
    "converged": "수렴 여부",
    "∂E/∂{p} (cost only)": "∂E/∂{p} (비용함수만)",
    "z = {p} − η·∂E/∂{q} (before the soft threshold)":
        "z = {p} − η·∂E/∂{q} (소프트 임계값 적용 전)",
    "η_k (learning rate of update k)": "η_k (k번째 업데이트의 학습률)",
    "direction d of {p}": "{p}의 이동 방향 d",
    "velocity of {p}": "{p}의 속도 (velocity)",
    "m of {p}": "{p}의 m (기울기의 이동 평균)",
    "v of {p}": "{p}의 v (기울기 제곱의 이동 평균)",
    "v_max of {p}": "{p}의 v_max (지금까지 가장 큰 v)",
    "sum_sq of {p}": "{p}의 sum_sq (기울기 제곱의 합)",
    "square_avg of {p}": "{p}의 square_avg (기울기 제곱의 이동 평균)",
    "grad_avg of {p}": "{p}의 grad_avg (기울기의 이동 평균)",
    "batch gradient of update k, ∂/∂{p}": "k번째 업데이트의 미니배치 기울기, ∂/∂{p}",
    "best objective at an epoch's end (the start's before)":
        "에포크가 끝날 때의 가장 작은 목적함수 (첫 에포크 전에는 시작점의 값)",
    "epochs without a better objective": "목적함수가 나아지지 않은 에포크 수",
    # ---- Order (the samples of each mini-batch) ------------------------------------------
    "update k": "업데이트 k",
    "epoch": "에포크",
    # ---- Summary -----------------------------------------------------------------------
    "quantity": "항목",
    "Stopping rule": "멈추는 규칙",
    "{n} epochs without a better objective": "목적함수가 {n}번의 에포크 동안 나아지지 않음",
    "at the end of each epoch ({n} updates), the objective over every sample must go below "
    "the best so far by tolerance·max(1, |best|)":
        "에포크({n}번의 업데이트)가 끝날 때마다 전체 샘플에 대한 목적함수가 지금까지의 가장 "
        "작은 값보다 허용 오차·max(1, |가장 작은 값|) 이상 작아져야 한다",
    "each update takes the gradient of its batch, whose curvature is its own: no single "
    "limit applies":
        "업데이트마다 그 미니배치의 기울기를 쓰고, 미니배치마다 곡률이 다르다: 하나의 한계가 "
        "적용되지 않는다",
    "how it is computed": "계산 방법",
    "b1 (curve)": "b1 (곡선)",
    "objective at b1": "b1에서의 목적함수",
    "objective at b1 (b0 = final b0)": "b1에서의 목적함수 (b0 = 최종 b0)",
    "Status at export": "내보낼 때의 상태",
    "computed by gdapp at export": "내보낼 때 gdapp이 계산한 값",
    "Updates performed (last k)": "수행한 업데이트 수 (마지막 k)",
    "the last row of the Iterations sheet": "Iterations 시트의 마지막 행",
    "Iterations used": "사용한 반복 횟수",
    "the first k flagged converged, else the last k":
        "처음으로 수렴으로 표시된 k, 없으면 마지막 k",
    "the first k flagged converged, else the last k; the tolerance ({tol}) is finer than the "
    "rounding of b (about {ulp}): which update first steps within it is decided by rounding, "
    "so another spreadsheet may count other iterations":
        "처음으로 수렴으로 표시된 k, 없으면 마지막 k; 허용 오차({tol})가 b의 반올림(약 {ulp})보다 "
        "작다: 어느 업데이트가 처음으로 그 안에 드는지는 반올림이 정하므로, 다른 스프레드시트는 "
        "반복 횟수를 다르게 셀 수 있다",
    "Final {p}": "최종 {p}",
    "the last iterate": "마지막 반복에서의 값",
    "Final cost": "최종 비용",
    "Final objective": "최종 목적함수",
    "Exact optimum": "정확한 최적해",
    "no optimum": "최적해 없음",
    "no closed form for {why} ({method}); the values below were computed by gdapp at "
    "export":
        "{why}에는 닫힌 형태의 해가 없다 ({method}). 아래 값은 내보낼 때 gdapp이 계산한 값이다",
    "{cost} with an {penalty}": "{penalty} 규제가 있는 {cost}",
    "Optimum {p} (computed by gdapp at export)": "최적 값 {p} (내보낼 때 gdapp이 계산한 값)",
    "Objective at the optimum (computed by gdapp at export)":
        "최적해에서의 목적함수 (내보낼 때 gdapp이 계산한 값)",
    "normal equation": "정규방정식 (Normal Equation)",
    "ridge": "릿지 (L2 규제)",
    "soft threshold": "소프트 임계값 (L1 규제)",
    "weighted median": "가중 중앙값",
    "bisection": "이분법",
    "none": "없음",
    "exact: {method}": "정확한 해: {method}",
    "MAE with an intercept has no closed form (it is a linear programme)":
        "절편이 있는 MAE에는 닫힌 형태의 해가 없다 (선형계획 문제이다)",
    "the optimum is undefined: all x are 0, so every b1 gives the same cost":
        "최적 값이 정해지지 않는다: 모든 x가 0이라서 어떤 b1이든 비용이 같다",
    "the optimum is not unique: all x are {c}, so the cost depends on b0 + {c}·b1 only, "
    "and every (b0, b1) with b0 + {c}·b1 = mean(y) fits equally well":
        "최적 값이 하나가 아니다: 모든 x가 {c}이라서 비용은 b0 + {c}·b1에만 달려 있고, "
        "b0 + {c}·b1 = mean(y)인 모든 (b0, b1)이 똑같이 잘 맞는다",
    "no closed form: the derivative was bisected to machine precision":
        "닫힌 형태의 해가 없다: 미분 값이 0인 지점을 이분법으로 기계 정밀도까지 찾았다",
    "not unique: every b1 from {lo} to {hi} gives the same MAE":
        "하나가 아니다: {lo}부터 {hi}까지의 모든 b1이 같은 MAE를 준다",
    "over the Data sheet": "Data 시트의 샘플 전체",
    "Σuv (u = x − x̄, v = y − ȳ)": "Σuv (u = x − x̄, v = y − ȳ)",
    "Σxy": "Σxy",
    "Σu²": "Σu²",
    "Σx²": "Σx²",
    "Optimum {p}": "최적 값 {p}",
    "exact: b0 = ȳ − b1·x̄": "정확한 해: b0 = ȳ − b1·x̄",
    "Objective at the optimum": "최적해에서의 목적함수",
    "cost + penalty at the optimum": "최적해에서의 비용 + 패널티",
    "Stability limit 2/L (L: the largest eigenvalue of H): η must stay below":
        "안정 한계 2/L (L: H의 가장 큰 고윳값): η는 이 값보다 작아야 한다",
    "it is defined for MSE only (the step of MAE and RMSE is not a fixed multiple of the "
    "distance to the optimum)":
        "MSE에서만 정의된다 (MAE와 RMSE의 업데이트 크기는 최적 값까지 거리의 일정한 배수가 "
        "아니다)",
    "the Hessian is 0 here (all x are 0)": "여기서는 헤시안이 0이다 (모든 x가 0)",
    "Hessian H = ∂²(E+P)/∂b1²": "헤시안 H = ∂²(E+P)/∂b1²",
    "2·mean(x²) (+ 2λ with L2)": "2·mean(x²) (L2 규제면 + 2λ)",
    "Hessian entry ∂²(E+P)/∂b1²": "헤시안 성분 ∂²(E+P)/∂b1²",
    "Largest eigenvalue L of H": "H의 가장 큰 고윳값 L",
    "H = [[2, 2·x̄], [2·x̄, 2·mean(x²) (+ 2λ)]]": "H = [[2, 2·x̄], [2·x̄, 2·mean(x²) (+ 2λ)]]",
    "2/L": "2/L",
    "Cost curve: lowest b1 of the path": "비용함수 곡선: 경로에서 가장 작은 b1",
    "Cost curve: highest b1 of the path": "비용함수 곡선: 경로에서 가장 큰 b1",
    "over the first {n} iterates and the last": "처음 {n}번의 반복과 마지막 반복에서",
    "Cost curve from b1": "비용함수 곡선의 시작 b1",
    "Cost curve to b1": "비용함수 곡선의 끝 b1",
    "10 % margin": "양쪽에 10 % 여유",
    "objective at b1 (the other parameters at their final values)":
        "b1에 따른 목적함수 (다른 파라미터는 마지막 값)",
    # ---- several features: the normal equations solved on the sheet ------------------------
    "Σ u·uᵀ (u = x − x̄)": "Σ u·uᵀ (u = x − x̄)",
    "Σ u·uᵀ (u = x − x̄) + n·λ on the diagonal": "Σ u·uᵀ (u = x − x̄) + 대각선에 n·λ",
    "Σ x·xᵀ": "Σ x·xᵀ",
    "Σ x·xᵀ + n·λ on the diagonal": "Σ x·xᵀ + 대각선에 n·λ",
    "Σ u·v (v = y − ȳ)": "Σ u·v (v = y − ȳ)",
    "Σ x·y": "Σ x·y",
    "exact: ridge, (Σ u·uᵀ + n·λ·I)⁻¹·Σ u·v": "정확한 해: 릿지, (Σ u·uᵀ + n·λ·I)⁻¹·Σ u·v",
    "exact: normal equation, (Σ u·uᵀ)⁻¹·Σ u·v": "정확한 해: 정규방정식, (Σ u·uᵀ)⁻¹·Σ u·v",
    "exact: normal equation, (Σ u·uᵀ)⁻¹·Σ u·v; condition number κ = {kappa}: a spreadsheet's "
    "MINVERSE keeps about {digits} digits here, do not trust these cells":
        "정확한 해: 정규방정식, (Σ u·uᵀ)⁻¹·Σ u·v; 조건수 κ = {kappa}: 스프레드시트의 MINVERSE는 "
        "여기서 약 {digits}자리만 맞으므로 이 셀들을 믿지 말 것",
    "exact: least squares by LINEST (QR), the b of Σ u·uᵀ·b = Σ u·v":
        "정확한 해: LINEST(QR 분해)로 구한 최소제곱해, Σ u·uᵀ·b = Σ u·v의 b",
    "exact: least squares by LINEST (QR), the b of Σ u·uᵀ·b = Σ u·v; condition number κ = "
    "{kappa}: a spreadsheet's LINEST may keep as few as {digits} digits here, do not trust "
    "these cells":
        "정확한 해: LINEST(QR 분해)로 구한 최소제곱해, Σ u·uᵀ·b = Σ u·v의 b; 조건수 κ = {kappa}: "
        "스프레드시트의 LINEST는 여기서 {digits}자리밖에 맞지 않을 수 있으므로 "
        "이 셀들을 믿지 말 것",
    "exact: ridge, (Σ u·uᵀ + n·λ·I)⁻¹·Σ u·v; condition number κ = {kappa}: a spreadsheet's "
    "MINVERSE keeps about {digits} digits here, do not trust these cells":
        "정확한 해: 릿지, (Σ u·uᵀ + n·λ·I)⁻¹·Σ u·v; 조건수 κ = {kappa}: 스프레드시트의 MINVERSE는 "
        "여기서 약 {digits}자리만 맞으므로 이 셀들을 믿지 말 것",
    "exact: b0 = ȳ − Σ bj·x̄j": "정확한 해: b0 = ȳ − Σ bj·x̄j",
    "computed by gdapp at export: numpy's eigvalsh of H = (2/n)·Σ x·xᵀ (+ 2λ·I)":
        "내보낼 때 gdapp이 계산한 값: H = (2/n)·Σ x·xᵀ (+ 2λ·I)의 고윳값 (numpy eigvalsh)",
    "Stability limit (2 + 2μ)/L (L: the largest eigenvalue of H): η must stay below":
        "안정 한계 (2 + 2μ)/L (L: H의 가장 큰 고윳값): η는 이 값보다 작아야 한다",
    "(2 + 2μ)/L": "(2 + 2μ)/L",
    "η changes with the {schedule} schedule: no single limit applies":
        "η가 {schedule} 스케줄에 따라 바뀐다: 하나의 한계가 적용되지 않는다",
    "{optimizer} has no simple limit (it rescales or carries its steps; only gradient "
    "descent and undamped momentum have one)":
        "{optimizer}에는 간단한 한계가 없다 (업데이트 크기를 바꾸거나 이어 가기 때문이다. "
        "경사하강법과 감쇠 없는 모멘텀에만 있다)",
    "over the first {n} iterates and the last and b1 from {lo} to {hi}, where the valleys "
    "were searched": "처음 {n}번의 반복과 마지막 반복, 그리고 골짜기를 탐색한 b1 {lo} ~ {hi}에서",
    # ---- the sine model: a cost of several valleys ---------------------------------------
    "no normal equation: the cost has {n} valleys on the searched range; their b1 below "
    "were computed by gdapp at export (dense search)":
        "정규방정식을 쓸 수 없다: 탐색한 범위에서 비용함수의 골짜기가 {n}개이다. 아래 b1 값은 "
        "내보낼 때 gdapp이 촘촘한 탐색으로 계산한 값이다",
    "Local minimum {i}: b1": "지역 최솟값 {i}: b1",
    "Local minimum {i}: b1 (the global minimum)": "지역 최솟값 {i}: b1 (전역 최솟값)",
    "Local minimum {i}: objective": "지역 최솟값 {i}: 목적함수",
    "computed by gdapp at export: dense search": "내보낼 때 gdapp이 계산한 값: 촘촘한 탐색",
    "cost + penalty at that b1": "그 b1에서의 비용 + 패널티",
    "the {model} model's curvature changes with b1: no single limit applies":
        "{model} 모델의 곡률은 b1에 따라 달라진다: 하나의 한계가 적용되지 않는다",
    # ---- charts ------------------------------------------------------------------------
    "Objective along b1 and the descent path": "b1에 따른 목적함수와 경사하강법의 경로",
    "Objective per iteration": "반복마다의 목적함수",
    "objective E + P": "목적함수 E + P",
    "objective": "목적함수",
    "iterates": "반복한 지점",
    "(first {n} iterates)": "(처음 {n}번의 반복)",
}

#: A run's status (``Run.status``) as a person reads it; "converged" the status is a
#: different word from "converged" the column header, so statuses have their own table.
STATUS: dict[Language, dict[str, str]] = {
    "en": {"converged": "converged", "diverged": "diverged",
           "max_iterations": "max_iterations"},
    "ko": {"converged": "수렴", "diverged": "발산", "max_iterations": "최대 반복 횟수 도달"},
}

#: Every language's table (English needs none: its words are the keys).
TABLES: dict[Language, Mapping[str, str]] = {"en": {}, "ko": {**KOREAN, **rule_words(),
                                                             **KOREAN_OVERFIT,
                                                             **KOREAN_CHECK}}


class MissingTranslation(KeyError):
    """A workbook text has no entry in a language's table."""


_FIELD = re.compile(r"\{(\w+)\}")


def _pattern(template: str) -> re.Pattern[str]:
    """A regular expression matching the texts made from ``template`` (a field that
    appears twice must hold the same text both times)."""
    parts, seen, pos = [], set(), 0
    for m in _FIELD.finditer(template):
        parts.append(re.escape(template[pos:m.start()]))
        name = m.group(1)
        parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>.+?)")
        seen.add(name)
        pos = m.end()
    parts.append(re.escape(template[pos:]))
    return re.compile("".join(parts) + r"\Z", re.DOTALL)


class Words:
    """The translations of one language: ``words("Final b1")`` → ``"최종 b1"``."""

    def __init__(self, lang: Language) -> None:
        if lang not in TABLES:
            raise ValueError(f"workbook language must be one of {', '.join(LANGUAGES)}, "
                             f"got {lang!r}")
        self.lang: Language = lang
        table = TABLES[lang]
        self._exact = {k: v for k, v in table.items() if not _FIELD.search(k)}
        # longer templates first, so that the most specific one matches
        self._templates = [(_pattern(k), v) for k, v in
                           sorted(table.items(), key=lambda kv: -len(kv[0]))
                           if _FIELD.search(k)]

    def __call__(self, english: str) -> str:
        """The translation of ``english``, or ``english`` itself when it has none."""
        found = self._lookup(english)
        return english if found is None else found

    def strict(self, english: str) -> str:
        """The translation of ``english``; :class:`MissingTranslation` when it has none."""
        if self.lang == "en":
            return english
        found = self._lookup(english)
        if found is None:
            raise MissingTranslation(f"no {self.lang} text for {english!r}")
        return found

    def status(self, code: str) -> str:
        """A run's status (``converged``, ``diverged``, ``max_iterations``) in words."""
        return STATUS[self.lang].get(code, code)

    def _lookup(self, english: str) -> str | None:
        if self.lang == "en":
            return english
        exact = self._exact.get(english)
        if exact is not None:
            return exact
        for pattern, target in self._templates:
            m = pattern.match(english)
            if m is not None:
                values = {k: self(v) for k, v in m.groupdict().items()}
                return target.format(**values)
        return None


@cache
def words(lang: Language = "en") -> Words:
    """The :class:`Words` of ``lang`` ("en" or "ko"); ValueError for another language."""
    return Words(lang)


def in_every_language(english: str) -> frozenset[str]:
    """``english`` and its translation in every language (what a reader accepts)."""
    return frozenset(words(lang)(english) for lang in LANGUAGES)
