"""PySide6 6.12.0 on CPython 3.11 lost a reference to None on every QPainter.setPen/drawLine and
QTableWidget.setItem call ("Fatal Python error: none_dealloc" after a few thousand calls;
pyqtgraph triggers it). pyproject.toml excludes that release; these tests make an upgrade that
brings the leak back fail here rather than crash a learner's window.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import textwrap

from patience import HANG_S
from PySide6.QtCore import QLineF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem
from pytestqt.qtbot import QtBot

FINAL_MARKER = "qt-regression: all painted"

#: Paints a few hundred thousand lines, fills a few thousand table cells and repaints a
#: pyqtgraph plot many times; the leak would abort CPython long before the marker is printed.
STRESS_SCRIPT = textwrap.dedent(f"""
    import os
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    import numpy as np
    import pyqtgraph as pg
    from PySide6.QtCore import QLineF
    from PySide6.QtGui import QColor, QImage, QPainter, QPen
    from PySide6.QtWidgets import QApplication, QTableWidget, QTableWidgetItem

    app = QApplication([])
    image = QImage(200, 200, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    pens = [QPen(QColor(c)) for c in ("black", "red", "blue")]
    for i in range(300_000):
        painter.setPen(pens[i % 3])
        painter.drawLine(i % 200, 0, i % 200, 2)
    painter.drawLine(QLineF(0.0, 0.0, 10.0, 10.0))
    painter.end()

    table = QTableWidget(2_000, 4)
    for r in range(2_000):
        for c in range(4):
            table.setItem(r, c, QTableWidgetItem(f"{{r * c}}"))

    plot = pg.PlotWidget(background="w")
    plot.resize(400, 300)
    curve = plot.plot(pen=pg.mkPen("k", width=2))
    x = np.arange(1_000.0)
    for k in range(300):
        curve.setData(x, np.sin(x / 50.0 + k))
        plot.grab()  # a real paint, also of a widget that is not shown
    print({FINAL_MARKER!r}, flush=True)
""")


def test_painting_many_lines_filling_a_table_and_repainting_a_plot_does_not_crash() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", STRESS_SCRIPT], capture_output=True,
                            text=True, timeout=HANG_S, env=env, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().endswith(FINAL_MARKER)
    assert "none_dealloc" not in result.stderr


def test_set_pen_draw_line_and_set_item_keep_the_reference_count_of_none(qtbot: QtBot) -> None:
    # Few calls on purpose: None starts near 5,000 references, and the leak, one per call,
    # must make this test fail, not abort the test run (checked against 6.12.0: a drop of 900).
    image = QImage(64, 64, QImage.Format.Format_ARGB32)
    pen = QPen(QColor("black"))
    table = QTableWidget(300, 1)
    qtbot.addWidget(table)
    painter = QPainter(image)
    # the garbage collector freeing unrelated objects mid-loop also lowers None's count
    gc.collect()
    gc.disable()
    try:
        before = sys.getrefcount(None)
        for i in range(300):
            painter.setPen(pen if i % 2 else Qt.PenStyle.SolidLine)
            painter.drawLine(QLineF(0.0, 0.0, float(i % 64), 63.0))
            table.setItem(i, 0, QTableWidgetItem(str(i)))
        after = sys.getrefcount(None)
    finally:
        gc.enable()
        painter.end()
    assert before - after < 100  # 6.11.3: within a few references either way
