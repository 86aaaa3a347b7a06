"""Translation engines behind one interface; see base.py and select.py."""
