"""SHACL validation of an article graph against ``shapes/derek-shapes.ttl``."""

from kg.validate.shacl import ValidationResult, Violation, load_ontology, load_shapes, validate

__all__ = ["ValidationResult", "Violation", "load_ontology", "load_shapes", "validate"]
