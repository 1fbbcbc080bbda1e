"""Stepping through a run in the window: one update forward or back, to the start or the end,
and playing the updates at a chosen speed (a mixin of the main window, which owns the
view-model ``vm``, the ``play_timer``, the ``speed`` box and the ``play_action``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gdapp.gui.i18n import tr

if TYPE_CHECKING:
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QSpinBox

    from gdapp.gui.viewmodel import RunViewModel


class SteppingActions:
    """The window's stepping and playing (see the module docstring)."""

    vm: RunViewModel
    play_timer: QTimer
    play_action: QAction
    speed: QSpinBox

    def _show_status(self, *_: Any) -> None:  # the window's own
        raise NotImplementedError

    def step(self) -> None:
        """One update forward (stays at the last iterate)."""
        self.vm.stepping = True
        self.vm.set_current(self.vm.current + 1)

    def step_back(self) -> None:
        """One update back (stays at k = 0)."""
        self.vm.stepping = True
        self.vm.set_current(self.vm.current - 1)

    def reset(self) -> None:
        """Back to the start, k = 0."""
        self.stop_play()
        self.vm.stepping = True
        self.vm.set_current(0)

    def run_to_end(self) -> None:
        """To the last iterate; new runs show their end again."""
        self.stop_play()
        self.vm.stepping = False
        self.vm.set_current(self.vm.run.iterations)
        self._show_status()  # the ending, now that it is no secret (also when k was there)

    def toggle_play(self) -> None:
        """Start or pause playing the updates at the chosen speed."""
        if self.play_timer.isActive():
            self.stop_play()
            return
        self.vm.stepping = True
        if self.vm.current >= self.vm.run.iterations:
            self.vm.set_current(0)
        self._apply_speed()
        self.play_timer.start()
        self.play_action.setChecked(True)
        self.play_action.setText(tr("Pause"))

    def stop_play(self) -> None:
        """Pause playing."""
        self.play_timer.stop()
        self.play_action.setChecked(False)
        self.play_action.setText(tr("Play"))


    def _apply_speed(self) -> None:
        # At most ~60 ticks a second; faster speeds take several updates per tick.
        rate = self.speed.value()
        self.play_timer.setInterval(max(16, round(1000 / rate)))

    def _play_tick(self) -> None:
        per_tick = max(1, round(self.speed.value() * self.play_timer.interval() / 1000))
        if self.vm.current >= self.vm.run.iterations:
            self.stop_play()
            return
        self.vm.set_current(self.vm.current + per_tick)
