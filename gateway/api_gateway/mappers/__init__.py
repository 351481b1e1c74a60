"""Proto -> REST schema conversions, field by field (never MessageToDict)."""
