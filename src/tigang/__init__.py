"""tigang (提纲): recover and compare the numbered outlines of Chinese speeches and reports."""

__version__ = "0.1.0"
