"""Derek stage."""
