"""The desktop window (PySide6 + pyqtgraph): the lecture note's Excel session, made live.

Only this package imports Qt. Start it with :func:`gdapp.gui.app.launch`.
"""
