"""tigang.compare — aligning the outlines of different speeches (see issue: diff)."""
