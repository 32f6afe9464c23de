"""Reform workbench (what-if): assess a description with some facts changed, compare two assessments, find the
smallest change that closes a gap. Heavy modules load only when used."""
