"""Package data: the Lark grammar of numbering markers (numbering.lark)."""
