"""The Korean words of the labels a workbook of shaped samples adds (polynomial features,
held-out samples, standardized features: :mod:`gdapp.excel.shaped`), merged into
:data:`gdapp.excel.labels.TABLES`. Terms from the project's glossary: 과적합, 훈련 데이터 /
테스트 데이터, 다항 특성, 차수, 표준화."""

from __future__ import annotations

KOREAN_OVERFIT: dict[str, str] = {
    # ---- Settings ----------------------------------------------------------------------
    "Test fraction": "테스트 비율",
    "The share of the samples held out of the fit (the rows the Data sheet flags held out); "
    "the test cost is the cost on them.":
        "학습에서 빼 둔 샘플의 비율 (Data 시트에서 테스트로 표시된 행). 테스트 비용은 이 "
        "샘플에서의 비용이다.",
    "Split seed": "분할 시드",
    "The seed of the draw that chose the held-out samples.":
        "테스트 샘플을 고른 무작위 추출의 시드.",
    "Polynomial degree": "다항 특성의 차수",
    "The features are x, x², …, x^D of the one feature x (the Data sheet's power columns are "
    "formulas of x).":
        "피쳐는 하나의 피쳐 x의 거듭제곱 x, x², …, x^D이다 (Data 시트의 거듭제곱 열은 x의 "
        "수식이다).",
    "Standardized": "표준화",
    "The features are z-scores computed with the training samples' centre and scale (the "
    "Data sheet's formulas).":
        "피쳐는 훈련 샘플의 중심과 척도로 계산한 z-점수이다 (Data 시트의 수식).",
    # ---- Data --------------------------------------------------------------------------
    "held out": "테스트 샘플 (학습에서 제외)",
    "{name} before standardizing": "표준화 전 {name}",
    "feature": "피쳐",
    "centre c (training samples' mean)": "중심 c (훈련 샘플의 평균)",
    "scale s (training samples' sd)": "척도 s (훈련 샘플의 표준편차)",
    "centre c (0: no intercept)": "중심 c (0: 절편 없음)",
    "scale s (training samples' √mean(x²))": "척도 s (훈련 샘플의 √mean(x²))",
    # ---- Iterations --------------------------------------------------------------------
    "test cost ({cost}) on the held-out samples, without the penalty":
        "테스트 비용 ({cost}, 테스트 샘플에서, 패널티 제외)",
    # ---- charts ------------------------------------------------------------------------
    "test cost (held-out samples)": "테스트 비용 (테스트 샘플)",
}
