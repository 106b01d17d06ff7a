"""The bare baseline of a start: a PySide6 QMainWindow shown and painted, nothing else."""

from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication([])
window = QMainWindow()
window.resize(1320, 820)
window.show()
app.processEvents()
window.grab()
print('{"event": "shown"}', flush=True)
